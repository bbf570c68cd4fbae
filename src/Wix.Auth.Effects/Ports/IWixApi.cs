using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Ports;

/// <summary>
/// The two Wix endpoints the login flow calls. The default is <see cref="Http.WixHttpApi"/>. A call that did not get
/// Wix's answer — refused, unreachable, timed out, unreadable — is a failure holding
/// <see cref="AuthError.RemoteCallFailed"/> with the <see cref="WixError"/> observed; the flow decides what it means.
/// </summary>
public interface IWixApi
{
    /// <summary><c>POST /oauth2/token</c> with one of the grant requests; Wix's answer or what went wrong.</summary>
    ValueTask<AuthResult<TokenResponse, AuthError>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken);

    /// <summary><c>POST /_api/redirects-api/v1/redirect-session</c>; the session's <c>fullUrl</c> or what went wrong.</summary>
    ValueTask<AuthResult<string, AuthError>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken);
}

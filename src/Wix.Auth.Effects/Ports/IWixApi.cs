using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;

namespace Wix.Auth.Effects.Ports;

/// <summary>The two Wix endpoints the login flow calls. The default is <see cref="Http.WixHttpApi"/>.</summary>
public interface IWixApi
{
    /// <summary><c>POST /oauth2/token</c> with one of the grant requests; Wix's answer or what went wrong.</summary>
    ValueTask<Either<WixError, TokenResponse>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken);

    /// <summary><c>POST /_api/redirects-api/v1/redirect-session</c>; the session's <c>fullUrl</c> or what went wrong.</summary>
    ValueTask<Either<WixError, string>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken);
}

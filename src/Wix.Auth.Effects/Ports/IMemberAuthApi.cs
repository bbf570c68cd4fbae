using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Ports;

/// <summary>
/// The identity endpoints of member authentication beyond the Wix login page, one method per kind of answer.
/// Every request is built by the core (<see cref="MemberAuthRequest"/>); the default is <see cref="Http.MemberAuthHttpApi"/>.
/// </summary>
public interface IMemberAuthApi
{
    /// <summary>Login, register, verify or recover: the login state Wix answered, or why it refused.</summary>
    ValueTask<Either<IdentityFailure, LoginStateReply>> SendForStateAsync(MemberAuthRequest request, CancellationToken cancellationToken);

    /// <summary>The password-reset mail: nothing to read on success.</summary>
    ValueTask<Either<IdentityFailure, Unit>> SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken);

    /// <summary>Sign On with an API key: a session token for the member it names.</summary>
    ValueTask<Either<IdentityFailure, SignOnReply>> SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken);

    /// <summary>A token grant: external login (with or without a session) or the code of a direct login.</summary>
    ValueTask<Either<WixError, TokenResponse>> RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken);

    /// <summary>A login Redirect Session with a session token, a provider or <c>web_message</c>: its <c>fullUrl</c>.</summary>
    ValueTask<Either<WixError, string>> CreateLoginSessionAsync(MemberAuthRequest.LoginSession request, CancellationToken cancellationToken);
}

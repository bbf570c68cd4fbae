using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Ports;

/// <summary>
/// The identity endpoints of member authentication beyond the Wix login page, one method per kind of answer.
/// Every request is built by the core (<see cref="MemberAuthRequest"/>); the default is <see cref="Http.MemberAuthHttpApi"/>.
/// Every answer is Wix's reply or the <see cref="IdentityFailure"/> that says why not (Wix refused, or could not be reached).
/// </summary>
public interface IMemberAuthApi
{
    /// <summary>Login, register, verify or recover: the login state Wix answered, or why it refused.</summary>
    ValueTask<AuthResult<LoginStateReply, IdentityFailure>> SendForStateAsync(MemberAuthRequest request, CancellationToken cancellationToken);

    /// <summary>The password-reset mail: <c>true</c> once Wix accepted to send it.</summary>
    ValueTask<AuthResult<bool, IdentityFailure>> SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken);

    /// <summary>Sign On with an API key: a session token for the member it names.</summary>
    ValueTask<AuthResult<SignOnReply, IdentityFailure>> SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken);

    /// <summary>A token grant: external login, with or without a session.</summary>
    ValueTask<AuthResult<TokenResponse, IdentityFailure>> RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken);

    /// <summary>Token info: whose an access token is.</summary>
    ValueTask<AuthResult<TokenInfoReply, IdentityFailure>> GetTokenInfoAsync(MemberAuthRequest.TokenInfo request, CancellationToken cancellationToken);
}

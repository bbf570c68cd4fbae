using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Tests.Interpreter;

/// <summary>
/// An in-memory <see cref="IMemberAuthApi"/> for the login flow: token info answers as scripted, and every request is
/// recorded; the flow asks nothing else of it.
/// </summary>
internal sealed class ScriptedTokenInfo : IMemberAuthApi
{
    public List<MemberAuthRequest.TokenInfo> Requests { get; } = [];

    public Func<MemberAuthRequest.TokenInfo, Either<IdentityFailure, TokenInfoReply>> Answer { get; set; } =
        _ => new TokenInfoReply(true, Prelude.Some("MEMBER"), Prelude.Some("member-1"));

    public ValueTask<AuthResult<TokenInfoReply, IdentityFailure>> GetTokenInfoAsync(MemberAuthRequest.TokenInfo request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return ValueTask.FromResult(Answer(request).ToResult());
    }

    public ValueTask<AuthResult<LoginStateReply, IdentityFailure>> SendForStateAsync(MemberAuthRequest request, CancellationToken cancellationToken) => throw NotTheFlows();

    public ValueTask<AuthResult<bool, IdentityFailure>> SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken) => throw NotTheFlows();

    public ValueTask<AuthResult<SignOnReply, IdentityFailure>> SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken) => throw NotTheFlows();

    public ValueTask<AuthResult<TokenResponse, IdentityFailure>> RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken) => throw NotTheFlows();

    private static InvalidOperationException NotTheFlows() => new("The login flow asks only token info of the member-auth endpoints.");
}

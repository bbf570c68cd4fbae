using LanguageExt;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// External login for a trusted back end that has authenticated the member itself (<c>@wix/sdk</c>'s
/// <c>getMemberTokensForExternalLogin</c> and <c>getMemberTokensForExternalLoginWithSession</c>): an API key vouches
/// for the member, and the member's tokens become this session's. Every outcome is a value with a stable code.
/// </summary>
/// <remarks>
/// The API key is a <see cref="WixApiKey"/>: masked wherever it is printed, and sent only in the <c>Authorization</c>
/// header of Wix's Sign On and token endpoints. Never use it in a browser or a public client.
/// </remarks>
public sealed class ExternalLoginClient(WixAuthClient session, IMemberAuthApi api, TimeProvider time)
{
    /// <summary>
    /// <c>getMemberTokensForExternalLogin</c>: tokens for the member <paramref name="memberId"/>, vouched for by
    /// <paramref name="apiKey"/> (whose app needs the permission to log members in). The grant goes with the session's
    /// access token, renewed first when it is stale, or without one when the session has none.
    /// </summary>
    public Task<AuthResult<MemberLogin, MemberAuthError>> GetMemberTokensAsync(
        string memberId, WixApiKey apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return RunAsync(new ExternalLoginRequest.ByMemberId(apiKey.Secret, memberId ?? ""), cancellationToken);
    }

    /// <summary>
    /// <c>getMemberTokensForExternalLoginWithSession</c>: Sign On for the member with <paramref name="email"/> (created
    /// when Wix does not know them, with <paramref name="profile"/>), then tokens for the member it named. Both calls go
    /// with the session's access token (renewed first when it is stale; a visitor's, obtained first, when the session has
    /// none) and the API key.
    /// </summary>
    public Task<AuthResult<MemberLogin, MemberAuthError>> GetMemberTokensWithSessionAsync(
        string email, WixApiKey apiKey, MemberProfile? profile = null, bool? verifyEmail = null, bool? mergeExistingContact = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return RunAsync(new ExternalLoginRequest.WithSignOn(apiKey.Secret, email ?? "", Optional(profile), Optional(verifyEmail), Optional(mergeExistingContact)),
            cancellationToken);
    }

    // Runs ExternalLoginFlow: the core decides, this class only makes the call it asks for and feeds the answer back; the
    // granted tokens become the session's through the session's own flow, in its turn.
    private async Task<AuthResult<MemberLogin, MemberAuthError>> RunAsync(ExternalLoginRequest request, CancellationToken cancellationToken)
    {
        var state = ExternalLoginFlow.Initial;
        ExternalLoginEvent next = new ExternalLoginEvent.LoginRequested(request, await session.LoadAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow());
        while (true)
        {
            var decided = ExternalLoginFlow.Transition(session.Settings, state, next);
            if (decided.Case is MemberAuthError refused) return refused;
            var decision = (ExternalLoginDecision)decided.Case!;
            state = decision.State;
            if (decision.Call.Case is not ExternalLoginCall call) break;
            next = await AnswerAsync(call, cancellationToken).ConfigureAwait(false);
        }
        var outcome = ExternalLoginFlow.Outcome(state);
        if (outcome.Case is not ExternalLoginState.Granted granted) return (MemberAuthError)outcome.Case!;
        await session.RunAsync(granted.Session, cancellationToken).ConfigureAwait(false);
        return new MemberLogin(granted.Session.Tokens, granted.Member);
    }

    private async Task<ExternalLoginEvent> AnswerAsync(ExternalLoginCall call, CancellationToken cancellationToken) => call switch
    {
        ExternalLoginCall.RenewSessionTokens => (await session.RenewTokenAsync(cancellationToken).ConfigureAwait(false)).Match<ExternalLoginEvent>(
            tokens => new ExternalLoginEvent.TokenRenewed(tokens.AccessToken.Value), error => new ExternalLoginEvent.TokenRenewalFailed(AuthResults.WixErrorOf(error))),
        ExternalLoginCall.ObtainVisitorTokens => (await session.GenerateVisitorTokensAsync(cancellationToken).ConfigureAwait(false)).Match<ExternalLoginEvent>(
            tokens => new ExternalLoginEvent.VisitorTokensObtained(tokens.AccessToken.Value), error => new ExternalLoginEvent.VisitorTokensFailed(AuthResults.WixErrorOf(error))),
        ExternalLoginCall.SignOn s => (await api.SignOnAsync(s.Request, cancellationToken).ConfigureAwait(false)).Match<ExternalLoginEvent>(
            reply => new ExternalLoginEvent.SignedOn(reply), failure => new ExternalLoginEvent.SignOnFailed(failure)),
        ExternalLoginCall.GrantTokens g => (await api.RequestTokensAsync(g.Request, cancellationToken).ConfigureAwait(false)).Match<ExternalLoginEvent>(
            response => new ExternalLoginEvent.TokensGranted(response, time.GetUtcNow()), failure => new ExternalLoginEvent.GrantFailed(failure)),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };
}

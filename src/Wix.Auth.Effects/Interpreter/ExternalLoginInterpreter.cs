using LanguageExt;
using Wix.Auth.Core.Members;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Interpreter;

/// <summary>
/// Where I/O meets external login's decider: feeds the back end's request, with the session as it stands, to
/// <see cref="ExternalLoginFlow.Transition"/>, makes the call each decision asks for (the session's renewal and visitor
/// tokens through the session's own flow, Sign On and the grant through the identity API) and feeds the answer back until
/// the flow rests; the granted tokens then become the session's through the session's flow, in its turn. It decides nothing.
/// </summary>
internal sealed class ExternalLoginInterpreter(WixAuthClient session, IMemberAuthApi api, TimeProvider time)
{
    /// <summary>One external login, to the member's tokens kept for the session, or why not.</summary>
    public async Task<Either<MemberAuthError, ExternalLoginState.Granted>> RunAsync(ExternalLoginRequest request, CancellationToken cancellationToken)
    {
        var state = ExternalLoginFlow.Initial;
        ExternalLoginEvent next = new ExternalLoginEvent.LoginRequested(request, await session.LoadAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow());
        while (true)
        {
            var decided = ExternalLoginFlow.Transition(session.Settings, state, next);
            if (decided.Case is not ExternalLoginDecision decision) return (MemberAuthError)decided.Case!;
            state = decision.State;
            if (decision.Call.Case is not ExternalLoginCall call) break;
            next = await AnswerAsync(call, cancellationToken).ConfigureAwait(false);
        }
        var outcome = ExternalLoginFlow.Outcome(state);
        if (outcome.Case is ExternalLoginState.Granted granted) await session.RunAsync(granted.Session, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    // A call, answered by its own success or failure event.
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

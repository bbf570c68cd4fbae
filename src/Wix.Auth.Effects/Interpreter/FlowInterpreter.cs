using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Logging;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using static Wix.Auth.AuthResults;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;

namespace Wix.Auth.Effects.Interpreter;

/// <summary>
/// The only place where I/O meets the core: feeds an event to the transition function, stores the session's new state,
/// carries out the decision's effects through the ports, and feeds the answer to its call back as the next event until
/// the flow rests. It decides nothing: every answer, success or failure, goes back to the core as that call's own event.
/// </summary>
public sealed class FlowInterpreter(
    FlowSettings settings, IWixApi api, IMemberAuthApi memberAuth, IPendingLoginStore pendingLogins, ISessionStore sessions, TimeProvider time, ILogger logger)
{
    /// <summary>Runs <paramref name="event"/> from <paramref name="state"/> for the session <paramref name="sessionKey"/>.</summary>
    /// <remarks>
    /// The state is stored before the decision's effects are carried out, so a concurrent run of the same session sees a
    /// callback in flight, and a logout is local even when Wix cannot be reached; a state not worth keeping
    /// (<see cref="LoginQueries.IsWorthKeeping"/>) removes the session's entry instead. A rejection stores nothing.
    /// </remarks>
    public ValueTask<FlowOutcome> RunAsync(string sessionKey, LoginState state, LoginEvent @event, CancellationToken cancellationToken) =>
        RunAsync(sessionKey, state, @event, WriteFence.None, cancellationToken);

    /// <summary>
    /// Runs <paramref name="event"/> as above, its writes carrying <paramref name="fence"/> (a refresh under a farm-wide lease).
    /// A write the store refuses as superseded ends the run there, with nothing carried out after it: the outcome is the
    /// session as the newer writer left it, read again, and <see cref="FlowOutcome.Superseded"/>.
    /// </summary>
    public async ValueTask<FlowOutcome> RunAsync(string sessionKey, LoginState state, LoginEvent @event, WriteFence fence, CancellationToken cancellationToken)
    {
        Option<string> redirect = None;
        for (Option<LoginEvent> next = @event; next.Case is LoginEvent current;)
        {
            var result = LoginFlow.Transition(settings, state, current);
            if (result.Case is AuthError rejection)
            {
                Log.Rejected(logger, current.GetType().Name, state.GetType().Name, rejection.Code);
                return new FlowOutcome(state, rejection, Nullable(redirect));
            }
            var decision = (Decision)result.Case!;
            // Logging off costs nothing: the list of effects is written out only for a logger that will print it.
            if (logger.IsEnabled(LogLevel.Debug))
                Log.Transition(logger, current.GetType().Name, state.GetType().Name, decision.State.GetType().Name,
                    string.Join(", ", decision.Effects.Map(e => e.GetType().Name)));

            if (decision.State != state && await StoreAsync(sessionKey, decision.State, fence, cancellationToken).ConfigureAwait(false) == SessionWrite.Superseded)
            {
                var newer = await sessions.GetAsync(sessionKey, cancellationToken).ConfigureAwait(false) ?? LoginState.Initial;
                Log.Superseded(logger, current.GetType().Name, newer.GetType().Name);
                return new FlowOutcome(newer, null, Nullable(redirect)) { Superseded = true };
            }
            state = decision.State;
            // By index: a Seq's enumerator is an object, made for every decision.
            for (var i = 0; i < decision.Actions.Count; i++)
                redirect = await CarryOutAsync(decision.Actions[i], cancellationToken).ConfigureAwait(false) || redirect;
            next = decision.Call.Case is Call call ? Some(await AnswerAsync(call, cancellationToken).ConfigureAwait(false)) : None;
        }
        return new FlowOutcome(state, null, Nullable(redirect));
    }

    private static string? Nullable(Option<string> redirect) => redirect.MatchUnsafe(r => r, () => null);

    // A state that says no more than no entry is not kept: nothing a failed callback or a logout leaves grows the store.
    private async ValueTask<SessionWrite> StoreAsync(string sessionKey, LoginState state, WriteFence fence, CancellationToken ct)
    {
        if (LoginQueries.IsWorthKeeping(state)) return await sessions.SetAsync(sessionKey, state, fence, ct).ConfigureAwait(false);
        await sessions.ClearAsync(sessionKey, ct).ConfigureAwait(false);
        return SessionWrite.Written;
    }

    // A one-way effect; a redirect is the run's answer to the host.
    private async ValueTask<Option<string>> CarryOutAsync(OneWay action, CancellationToken ct)
    {
        switch (action)
        {
            case StorePendingLogin e:
                await pendingLogins.SaveAsync(e.Pending, e.TimeToLive, ct).ConfigureAwait(false);
                return None;
            case DeletePendingLogin e:
                await pendingLogins.TakeAsync(e.State, ct).ConfigureAwait(false);
                return None;
            case Redirect e:
                return e.Url;
            default:
                throw new InvalidOperationException($"No interpretation for effect {action.GetType().Name}.");
        }
    }

    // A call, answered by its own success or failure event (read with TryGetValue: no delegate made per answer).
    private async ValueTask<LoginEvent> AnswerAsync(Call call, CancellationToken ct)
    {
        switch (call)
        {
            case ObtainVisitorTokens e:
                return (await api.RequestTokensAsync(e.Request, ct).ConfigureAwait(false)).TryGetValue(out var visitor, out var visitorError)
                    ? new VisitorTokensReceived(visitor, Now) : new VisitorTokensFailed(WixErrorOf(visitorError));
            case CreateLoginSession e:
                return (await api.CreateRedirectSessionAsync(e.Request, ct).ConfigureAwait(false)).TryGetValue(out var url, out var urlError)
                    ? new LoginSessionCreated(url) : new LoginSessionFailed(WixErrorOf(urlError));
            case TakePendingLogin e:
                return await pendingLogins.TakeAsync(e.State, ct).ConfigureAwait(false) is { } pending ? new PendingLoginTaken(pending) : new PendingLoginGone();
            case ExchangeCode e:
                return (await api.RequestTokensAsync(e.Request, ct).ConfigureAwait(false)).TryGetValue(out var member, out var codeError)
                    ? new CodeExchanged(member, Now) : new CodeExchangeFailed(WixErrorOf(codeError));
            case RefreshTokens e:
                return (await api.RequestTokensAsync(e.Request, ct).ConfigureAwait(false)).TryGetValue(out var renewed, out var refreshError)
                    ? new TokensRefreshed(renewed, Now) : new RefreshFailed(WixErrorOf(refreshError));
            case CreateLogoutSession e:
                return (await api.CreateRedirectSessionAsync(e.Request, ct).ConfigureAwait(false)).TryGetValue(out var logoutUrl, out var logoutError)
                    ? new LogoutSessionCreated(logoutUrl) : new LogoutSessionFailed(WixErrorOf(logoutError));
            case FetchMemberIdentity e:
                return (await memberAuth.GetTokenInfoAsync(e.Request, ct).ConfigureAwait(false)).TryGetValue(out var reply, out var failure)
                    ? new MemberIdentityReceived(reply) : new MemberIdentityFetchFailed(failure.Error);
            default:
                throw new InvalidOperationException($"No interpretation for effect {call.GetType().Name}.");
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();
}

using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Logging;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;

namespace Wix.Auth.Effects.Interpreter;

/// <summary>
/// The only place where I/O meets the core: feeds an event to the transition function, carries out its effects
/// through the ports, and feeds each answer back as the next event until the flow rests.
/// </summary>
public sealed class FlowInterpreter(
    FlowSettings settings, IWixApi api, IPendingLoginStore pendingLogins, ITokenStore tokens,
    IRedirector redirector, TimeProvider time, ILogger logger)
{
    /// <summary>Runs <paramref name="event"/> from <paramref name="state"/> for the session <paramref name="sessionKey"/>.</summary>
    public async ValueTask<FlowOutcome> RunAsync(string sessionKey, LoginState state, LoginEvent @event, CancellationToken cancellationToken)
    {
        var redirects = Seq<string>();
        for (Option<LoginEvent> next = @event; next.Case is LoginEvent current;)
        {
            var result = LoginFlow.Transition(settings, state, current);
            if (result.Case is AuthError rejection)
            {
                Log.Rejected(logger, current.GetType().Name, state.GetType().Name, rejection.Code);
                return new FlowOutcome(state, rejection, redirects);
            }
            var decision = (Decision)result.Case!;
            Log.Transition(logger, current.GetType().Name, state.GetType().Name, decision.State.GetType().Name,
                string.Join(", ", decision.Effects.Map(e => e.GetType().Name)));

            next = None;
            foreach (var effect in decision.Effects)
            {
                var answer = await ExecuteAsync(sessionKey, effect, cancellationToken).ConfigureAwait(false);
                if (answer.Case is AuthError stop) return new FlowOutcome(state, stop, redirects);
                if (answer.Case is Option<LoginEvent> reply) next = reply || next;
                if (effect is Redirect redirect) redirects = redirects.Add(redirect.Url);
            }
            state = decision.State;
        }
        return new FlowOutcome(state, None, redirects);
    }

    // An answer is the next event (if the effect has one), or an error that stops the run before the state moves.
    private async ValueTask<Either<AuthError, Option<LoginEvent>>> ExecuteAsync(string sessionKey, LoginEffect effect, CancellationToken ct)
    {
        switch (effect)
        {
            case ObtainVisitorTokens e:
                return Reply((await api.RequestTokensAsync(e.Request, ct).ConfigureAwait(false)).Map<LoginEvent>(r => new VisitorTokensReceived(r, Now)));
            case ExchangeCode e:
                return Reply((await api.RequestTokensAsync(e.Request, ct).ConfigureAwait(false)).Map<LoginEvent>(r => new CodeExchanged(r, Now)));
            case RefreshTokens e:
                return Reply((await api.RequestTokensAsync(e.Request, ct).ConfigureAwait(false)).Map<LoginEvent>(r => new TokensRefreshed(r, Now)));
            case CreateLoginSession e:
                return Reply((await api.CreateRedirectSessionAsync(e.Request, ct).ConfigureAwait(false)).Map<LoginEvent>(url => new LoginSessionCreated(url)));
            case CreateLogoutSession e:
                return Reply((await api.CreateRedirectSessionAsync(e.Request, ct).ConfigureAwait(false)).Map<LoginEvent>(url => new LogoutSessionCreated(url)));
            case StorePendingLogin e:
                await pendingLogins.SaveAsync(e.Pending, settings.PendingLoginTtl, ct).ConfigureAwait(false);
                return Option<LoginEvent>.None;
            case DeletePendingLogin e:
                // The store decides single use across threads and instances: only one callback may take the login.
                if (await pendingLogins.TakeAsync(e.State, ct).ConfigureAwait(false)) return Option<LoginEvent>.None;
                Log.PendingLoginAlreadyUsed(logger);
                return new AuthError.NoPendingLogin();
            case StoreTokens e:
                await tokens.SetAsync(sessionKey, e.Tokens, ct).ConfigureAwait(false);
                return Option<LoginEvent>.None;
            case ClearTokens:
                await tokens.ClearAsync(sessionKey, ct).ConfigureAwait(false);
                return Option<LoginEvent>.None;
            case Redirect e:
                await redirector.RedirectAsync(e.Url, ct).ConfigureAwait(false);
                return Option<LoginEvent>.None;
            default:
                throw new InvalidOperationException($"No interpretation for effect {effect.GetType().Name}.");
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private static Either<AuthError, Option<LoginEvent>> Reply(Either<WixError, LoginEvent> answer) =>
        Some(answer.Match(e => e, error => new RemoteCallFailed(error)));
}

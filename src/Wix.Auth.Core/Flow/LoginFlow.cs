using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Credentials;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Core.Flow.LoginState;
using static Wix.Auth.Core.Flow.LoginSteps;

namespace Wix.Auth.Core.Flow;

/// <summary>The member-login protocol as one total, pure transition function.</summary>
public static class LoginFlow
{
    /// <summary>
    /// The next state and the effects to carry out, or a typed rejection; a rejection leaves
    /// <paramref name="state"/> as it was and asks for nothing. Defined for every state and event.
    /// </summary>
    public static Either<AuthError, Decision> Transition(FlowSettings settings, LoginState state, LoginEvent @event) =>
        (state, @event) switch
        {
            (Authenticated, LoginRequested) => new AuthError.AlreadyAuthenticated(),
            (Callback, LoginRequested) => new AuthError.CallbackAlreadyReceived(),
            (_, LoginRequested login) => StartLogin(settings, state, login),

            (Idle or LoggedOut or Failed, VisitorTokensRequested) => Decision.To(state, new ObtainVisitorTokens(Requests.VisitorTokens(settings))),
            (Idle or LoggedOut or Failed, VisitorTokensReceived v) => KeepVisitor(v.Response.ToTokens(v.Now, TokenRole.Visitor)),
            (Requested { Visitor.IsNone: true } r, VisitorTokensReceived v) => AskForLoginUrl(settings, r.Pending, v.Response.ToTokens(v.Now, TokenRole.Visitor)),
            (Requested, LoginSessionCreated created) => Decision.To(state, new Redirect(created.AuthUrl)),

            (Requested r, CallbackReceived callback) => AcceptCallback(settings, r.Pending, callback),
            (Callback, CallbackReceived) => new AuthError.CallbackAlreadyReceived(),
            (_, CallbackReceived) => new AuthError.NoPendingLogin(),
            (Callback, CodeExchanged x) => LogIn(x.Response.ToTokens(x.Now, TokenRole.Member)),

            (Authenticated a, RefreshRequested r) => a.Member.AccessToken.IsExpired(r.Now, settings.RefreshMargin)
                ? Decision.To(a, new RefreshTokens(Requests.Refresh(settings, a.Member)))
                : Decision.To(a),
            (_, RefreshRequested) => new AuthError.NotAuthenticated(),
            (Authenticated a, TokensRefreshed t) => LogIn(t.Response.ToTokens(t.Now, TokenRole.Member, a.Member.RefreshToken.Value)),

            (_, LogoutRequested logout) => LogOut(settings, state, logout.PostLogoutUrl),
            (LoggedOut, LogoutSessionCreated created) => Decision.To(state, new Redirect(created.LogoutUrl)),

            (Authenticated, RemoteCallFailed f) => RefreshFailed(f.Error),
            (Requested r, RemoteCallFailed f) => Decision.To(new Failed(new AuthError.RemoteCallFailed(f.Error)), new DeletePendingLogin(r.Pending.Data.State)),
            (Callback, RemoteCallFailed f) => Decision.To(new Failed(new AuthError.RemoteCallFailed(f.Error))),
            (LoggedOut o, RemoteCallFailed) => Decision.To(state, new Redirect(o.PostLogoutUrl)),
            (_, RemoteCallFailed f) => new AuthError.RemoteCallFailed(f.Error),

            _ => new AuthError.UnexpectedEvent(state.GetType().Name, @event.GetType().Name),
        };
}

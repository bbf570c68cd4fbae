using LanguageExt;
using Wix.Auth.Core.Errors;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Core.Flow.LoginState;
using static Wix.Auth.Core.Flow.LoginSteps;

namespace Wix.Auth.Core.Flow;

/// <summary>The member-login protocol as one total, pure transition function (the update of the Elm architecture).</summary>
public static class LoginFlow
{
    /// <summary>
    /// The next state and the effects to carry out, or a typed rejection; a rejection leaves
    /// <paramref name="state"/> as it was and asks for nothing. Defined for every state and event; the first matching
    /// line wins.
    /// </summary>
    public static Either<AuthError, Decision> Transition(FlowSettings settings, LoginState state, LoginEvent @event) =>
        (state, @event) switch
        {
            (Authenticated, LoginRequested) => new AuthError.AlreadyAuthenticated(),
            (Callback c, LoginRequested l) when !LoginQueries.IsAbandoned(settings, c, l.Now) => new AuthError.CallbackAlreadyReceived(),
            (_, LoginRequested login) => StartLogin(settings, state, login),

            (Idle or LoggedOut or Failed, VisitorTokensRequested) => Decision.Calling(state, new ObtainVisitorTokens(Requests.VisitorTokens(settings))),
            (Idle or LoggedOut or Failed, VisitorTokensReceived v) => Decision.To(new Idle(v.Response.ToTokens(v.Now, Credentials.TokenRole.Visitor))),
            (Idle or LoggedOut or Failed, VisitorTokensFailed f) => new AuthError.RemoteCallFailed(f.Error),
            (Requested { Visitor.IsNone: true } r, VisitorTokensReceived v) => AskForLoginUrl(settings, r.Pending, v.Response.ToTokens(v.Now, Credentials.TokenRole.Visitor)),
            (Requested { Visitor.IsNone: true } r, VisitorTokensFailed f) => AbandonLogin(r, f.Error),
            (Requested { Visitor.IsSome: true }, LoginSessionCreated created) => Decision.To(state, new Redirect(created.AuthUrl)),
            (Requested { Visitor.IsSome: true } r, LoginSessionFailed f) => AbandonLogin(r, f.Error),

            (Authenticated, CallbackReceived) => new AuthError.AlreadyAuthenticated(),
            (Callback, CallbackReceived) => new AuthError.CallbackAlreadyReceived(),
            (_, CallbackReceived callback) => AcceptCallback(settings, state, callback),
            (Callback { Taken.IsNone: true } c, PendingLoginTaken taken) => UsePendingLogin(settings, c, taken.Pending),
            (Callback { Taken.IsNone: true } c, PendingLoginGone) => Decision.To(new Failed(new AuthError.NoPendingLogin(), c.Visitor)),
            (Callback { Taken.Case: PendingLogin p }, CodeExchanged x) => Decision.To(LogIn(p, x.Response.ToTokens(x.Now, Credentials.TokenRole.Member))),
            (Callback { Taken.Case: PendingLogin p } c, CodeExchangeFailed f) => Decision.To(EndLogin(c, p, new AuthError.RemoteCallFailed(f.Error))),

            (Failed { Reason: AuthError.RefreshRejected ended }, RefreshRequested) => ended,
            (Idle or Authenticated or Failed, RefreshRequested r) => Renew(settings, state, r.Now),
            (_, RefreshRequested) => new AuthError.NotAuthenticated(),
            (Authenticated a, TokensRefreshed t) => Decision.To(a with { Member = t.Response.ToTokens(t.Now, Credentials.TokenRole.Member, a.Member.RefreshToken.Value) }),
            (Authenticated, RefreshFailed f) => f.Error.IsDefinitive
                ? Decision.To(new Failed(new AuthError.RefreshRejected(f.Error)))
                : new AuthError.RefreshUnavailable(f.Error),

            (Authenticated { Identity.IsSome: true }, MemberIdentityRequested) => Decision.To(state),
            (Authenticated a, MemberIdentityRequested) => Decision.Calling(a, new FetchMemberIdentity(Requests.TokenInfo(a.Member))),
            (_, MemberIdentityRequested) => new AuthError.NotAuthenticated(),
            (Authenticated a, MemberIdentityReceived r) => Decision.To(a with { Identity = a.Identity || r.Reply.Member }),
            (Authenticated, MemberIdentityFetchFailed) => Decision.To(state),

            (_, LogoutRequested logout) => LogOut(settings, state, logout),
            (LoggingOut o, TokensRefreshed t) => EndWixSession(settings, o.PostLogoutUrl, t.Response.AccessToken),
            (LoggingOut o, RefreshFailed f) => ContinueLogout(settings, o, f.Error),
            (LoggedOut, LogoutSessionCreated created) => Decision.To(state, new Redirect(created.LogoutUrl)),
            (LoggedOut o, LogoutSessionFailed) => Decision.To(state, new Redirect(o.PostLogoutUrl)),

            (_, TokensSet set) => SetTokens(state, set.Tokens),
            (_, SessionDiscarded) => Discard(state),

            _ => new AuthError.UnexpectedEvent(state.GetType().Name, @event.GetType().Name),
        };
}

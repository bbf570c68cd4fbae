using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Urls;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginState;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Core.Flow;

/// <summary>The steps of <see cref="LoginFlow.Transition"/> that take more than a line.</summary>
internal static class LoginSteps
{
    /// <summary>
    /// Validates the OAuth data and its original URI (<see cref="ReturnUrl"/>: local, the redirect URI's origin, or an
    /// allowed one), stores the pending login (with the member the site's own form named, when it did), and asks for visitor
    /// tokens unless fresh ones are at hand. A login that replaces this session's pending one deletes it.
    /// </summary>
    public static Either<AuthError, Decision> StartLogin(FlowSettings settings, LoginState state, LoginEvent.LoginRequested login) =>
        // Binds, not a query expression: the query's anonymous types inside Either are more than Native AOT's scanner
        // computes (scripts/aot.sh).
        CheckOAuthData(login.Data).Bind(data =>
            (data.OriginalUri is string uri
                ? ReturnUrl.Check(uri, Some(data.RedirectUri), settings.AllowedOrigins).Map(Some)
                : Right<AuthError, Option<string>>(None)).Bind(original =>
            PromptFor(login.Method, login.Prompt, login.ResponseMode).Map(prompt =>
                Request(settings, state, new PendingLogin(data with { OriginalUri = original.MatchUnsafe(u => u, () => null) }, prompt, login.ResponseMode, login.Now)
                {
                    Method = login.Method,
                    Member = login.Method is LoginMethod.WithSessionToken form ? form.Member : None,
                }))));

    /// <summary>Stores the pending login (deleting the one it replaces) and asks for visitor tokens unless fresh ones are at hand.</summary>
    private static Decision Request(FlowSettings settings, LoginState state, PendingLogin pending)
    {
        var visitor = LoginQueries.VisitorTokens(state).Filter(v => !v.AccessToken.IsExpired(pending.CreatedAt, settings.RefreshMargin));
        return Decision.Calling(
            new Requested(pending, visitor),
            visitor.Match<Call>(
                v => new CreateLoginSession(Requests.LoginSession(settings, pending, v)),
                () => new ObtainVisitorTokens(Requests.VisitorTokens(settings))),
            // Stored without its method: the URL spends a session token, and no store keeps one past it.
            [.. DropPendingLogin(state), new StorePendingLogin(pending with { Method = LoginMethod.WixPage }, settings.PendingLoginTtl)]);
    }

    /// <summary>A discarded session keeps nothing: no tokens, and no pending login of a login in progress.</summary>
    public static Decision Discard(LoginState state) => Decision.To(LoginState.Initial, DropPendingLogin(state));

    /// <summary>The pending login of a login in progress, deleted when something else takes the session's place.</summary>
    private static OneWay[] DropPendingLogin(LoginState state) => state is Requested r ? [new DeletePendingLogin(r.Pending.Data.State)] : [];

    /// <summary>With visitor tokens in hand, keeps them and asks Wix for the login URL.</summary>
    public static Decision AskForLoginUrl(FlowSettings settings, PendingLogin pending, TokenPair visitor) =>
        Decision.Calling(new Requested(pending, Some(visitor)), new CreateLoginSession(Requests.LoginSession(settings, pending, visitor)));

    /// <summary>A call of the login failed: the attempt ends, and its pending login with it.</summary>
    public static Decision AbandonLogin(Requested requested, WixError error) =>
        Decision.To(new Failed(new AuthError.RemoteCallFailed(error), requested.Visitor), new DeletePendingLogin(requested.Pending.Data.State));

    /// <summary>
    /// A callback counts only when its <c>state</c> is the one the host expects (compared in constant time) and, when the
    /// host configured Wix's issuer, its <c>iss</c> is that issuer (RFC 9207; a missing one is refused too). Then the
    /// pending login is taken from the store, so that no other callback can use it, before anything else happens.
    /// </summary>
    public static Either<AuthError, Decision> AcceptCallback(FlowSettings settings, LoginState state, LoginEvent.CallbackReceived callback)
    {
        if (!Secret.FixedTimeEquals(callback.Params.State, callback.ExpectedState)) return new AuthError.StateMismatch();
        if (settings.ExpectedIssuer.Case is string issuer && !string.Equals(callback.Params.Issuer, issuer, StringComparison.Ordinal))
            return new AuthError.IssuerMismatch();
        return Decision.Calling(new Callback(callback.Params, callback.Now, None, LoginQueries.VisitorTokens(state)), new TakePendingLogin(callback.ExpectedState));
    }

    /// <summary>
    /// With the pending login in hand: one older than its TTL when the callback arrived ends the attempt; Wix's error
    /// ends it with Wix's code and description; a code is exchanged with the login's redirect URI and verifier.
    /// </summary>
    public static Decision UsePendingLogin(FlowSettings settings, Callback callback, PendingLogin pending) =>
        pending.IsExpired(callback.ReceivedAt, settings.PendingLoginTtl)
            ? Decision.To(EndLogin(callback, pending, new AuthError.PendingLoginExpired()))
            : callback.Params switch
            {
                CallbackParams.Granted granted => Decision.Calling(callback with { Taken = pending },
                    new ExchangeCode(Requests.ExchangeCode(settings, pending.Data, granted.Code))),
                CallbackParams.Denied denied => Decision.To(EndLogin(callback, pending, new AuthError.AuthorizationDenied(denied.Error, denied.ErrorDescription))),
                _ => Decision.To(EndLogin(callback, pending, new AuthError.UnexpectedEvent(nameof(Callback), callback.Params.GetType().Name))),
            };

    /// <summary>
    /// The code was exchanged: the member is logged in, returns to the login's checked original URI, and is known when
    /// the site's own form named them.
    /// </summary>
    public static Authenticated LogIn(PendingLogin pending, TokenPair member) =>
        new(member, pending.Data.RedirectUri) { ReturnTo = Optional(pending.Data.OriginalUri), Identity = pending.Member };

    /// <summary>A login whose pending login was found ends without a member, remembering where the member was going.</summary>
    public static Failed EndLogin(Callback callback, PendingLogin pending, AuthError reason) =>
        new(reason, callback.Visitor) { ReturnTo = Optional(pending.Data.OriginalUri) };

    /// <summary>
    /// Tokens about to be used: renewed when they expire within the margin (a member's by refresh, a visitor's by new
    /// visitor tokens), else used as they are. A session without tokens has nothing to renew.
    /// </summary>
    public static Either<AuthError, Decision> Renew(FlowSettings settings, LoginState state, DateTimeOffset now) =>
        (state, LoginQueries.NeedsRenewal(settings, state, now)) switch
        {
            (_, _) when LoginQueries.TokensOf(state).IsNone => new AuthError.NotAuthenticated(),
            (Authenticated a, true) => Decision.Calling(a, new RefreshTokens(Requests.Refresh(settings, a.Member))),
            (_, true) => Decision.Calling(state, new ObtainVisitorTokens(Requests.VisitorTokens(settings))),
            _ => Decision.To(state),
        };

    /// <summary>
    /// Logging out always forgets the session's tokens. A member's Wix session is ended through a logout Redirect Session,
    /// which Wix grants only for a live member token: one within the refresh margin is renewed first
    /// (<see cref="LoginQueries.RenewBeforeLogout"/>, then <see cref="EndWixSession"/>). Without a member there is nothing to
    /// end at Wix, so the browser goes straight back. The URL follows <see cref="ReturnUrl"/> with the site's redirect URI
    /// (the host's, else the session's login's); Wix needs it absolute, so a member's logout resolves a local path on that origin.
    /// </summary>
    public static Either<AuthError, Decision> LogOut(FlowSettings settings, LoginState state, LoginEvent.LogoutRequested logout) =>
        LogOut(settings, state, logout.PostLogoutUrl, logout.RedirectUri || LoginQueries.RedirectUriOf(state), logout.Now);

    private static Either<AuthError, Decision> LogOut(FlowSettings settings, LoginState state, string postLogoutUrl, Option<string> redirectUri, DateTimeOffset now) =>
        from url in ReturnUrl.Check(postLogoutUrl, redirectUri, settings.AllowedOrigins)
        from target in state is Authenticated ? ReturnUrl.Absolute(url, redirectUri) : Right<AuthError, string>(url)
        select state switch
        {
            Authenticated a when LoginQueries.RenewBeforeLogout(settings, state, now) =>
                Decision.Calling(new LoggingOut(target, a.Member.AccessToken.Value), new RefreshTokens(Requests.Refresh(settings, a.Member))),
            Authenticated a => EndWixSession(settings, target, a.Member.AccessToken.Value),
            _ => Decision.To(new LoggedOut(target), [.. DropPendingLogin(state), new Redirect(target)]),
        };

    /// <summary>The member's Wix session is ended with this access token: Wix's logout URL returns to <paramref name="postLogoutUrl"/>.</summary>
    public static Decision EndWixSession(FlowSettings settings, string postLogoutUrl, Secret memberAccessToken) =>
        Decision.Calling(new LoggedOut(postLogoutUrl), new CreateLogoutSession(Requests.LogoutSession(settings, memberAccessToken, postLogoutUrl)));

    /// <summary>
    /// The answer to a logout's refresh: renewed, the member's Wix session is ended with the new token; refused, the member's
    /// session is over at Wix already and the logout is local (straight back to the site); when Wix could not be reached,
    /// the held token is sent as it is (Wix may still take it within the margin; if not, the browser goes straight back).
    /// </summary>
    public static Decision ContinueLogout(FlowSettings settings, LoggingOut loggingOut, WixError refreshFailure) =>
        refreshFailure.IsDefinitive
            ? Decision.To(new LoggedOut(loggingOut.PostLogoutUrl), new Redirect(loggingOut.PostLogoutUrl))
            : EndWixSession(settings, loggingOut.PostLogoutUrl, loggingOut.AccessToken);

    /// <summary>
    /// <c>setTokens</c>: the session holds <paramref name="tokens"/> now, in the state their role allows
    /// (<see cref="LoginState.FromTokens"/>: a member's are <see cref="Authenticated"/>, a visitor's <see cref="Idle"/>); a
    /// login in progress is replaced, and its pending login deleted.
    /// </summary>
    public static Decision SetTokens(LoginState state, TokenPair tokens) => Decision.To(LoginState.FromTokens(tokens), DropPendingLogin(state));

    /// <summary>
    /// What the login URL asks of Wix for this way of logging in. A session token means the member has logged in already:
    /// always <c>prompt=none</c>, so Wix answers at once and never shows a page. A social provider shows its own page, which
    /// neither a silent login nor a hidden frame (<c>web_message</c>) can show. An empty token or provider is refused.
    /// </summary>
    internal static Either<AuthError, Prompt> PromptFor(LoginMethod method, Prompt asked, ResponseMode mode) => method switch
    {
        LoginMethod.WithSessionToken { SessionToken.IsEmpty: true } => new AuthError.InvalidSettings("The session token is empty."),
        LoginMethod.WithSessionToken => Prompt.None,
        LoginMethod.Social s when string.IsNullOrWhiteSpace(s.Provider.Id) => new AuthError.InvalidSettings("The identity provider is empty."),
        LoginMethod.Social when asked == Prompt.None || mode == ResponseMode.WebMessage =>
            new AuthError.InvalidSettings("A social login shows the provider's page: it cannot be silent or answered by web_message."),
        _ => asked,
    };

    private static Either<AuthError, OAuthData> CheckOAuthData(OAuthData data) =>
        Pkce.IsValidVerifier(data.CodeVerifier.Reveal())
        && data.CodeChallenge == Pkce.CodeChallenge(data.CodeVerifier.Reveal())
        && data.State.Length >= 43
            ? data
            : new AuthError.InvalidOAuthData();
}

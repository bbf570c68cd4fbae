using LanguageExt;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.OAuth;
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
    /// <summary>Validates the OAuth data, stores the pending login, and asks for visitor tokens unless fresh ones are at hand.</summary>
    public static Either<AuthError, Decision> StartLogin(FlowSettings settings, LoginState state, LoginEvent.LoginRequested login) =>
        from data in CheckOAuthData(login.Data)
        from _ in data.OriginalUri.Match(u => ReturnUrl.Check(u, settings.AllowedOrigins).Map(_ => unit), () => unit)
        let pending = new PendingLogin(data, login.Prompt, login.ResponseMode, login.Now)
        let visitor = VisitorOf(state).Filter(v => !v.AccessToken.IsExpired(login.Now, settings.RefreshMargin))
        let replaced = state is Requested old ? Seq1<LoginEffect>(new DeletePendingLogin(old.Pending.Data.State)) : Empty
        select new Decision(
            new Requested(pending, visitor),
            replaced.Add(new StorePendingLogin(pending)).Add(visitor.Match<LoginEffect>(
                v => new CreateLoginSession(Requests.LoginSession(settings, pending, v)),
                () => new ObtainVisitorTokens(Requests.VisitorTokens(settings)))));

    /// <summary>With visitor tokens in hand, keeps them and asks Wix for the login URL.</summary>
    public static Decision AskForLoginUrl(FlowSettings settings, PendingLogin pending, TokenPair visitor) =>
        Decision.To(new Requested(pending, Some(visitor)), new StoreTokens(visitor), new CreateLoginSession(Requests.LoginSession(settings, pending, visitor)));

    /// <summary>
    /// A callback counts only when its <c>state</c> is the pending login's (constant-time) and the login has not
    /// expired; then the state is used up, and either the code is exchanged or the attempt ends with Wix's error.
    /// </summary>
    public static Either<AuthError, Decision> AcceptCallback(FlowSettings settings, PendingLogin pending, LoginEvent.CallbackReceived callback)
    {
        if (!Secret.FixedTimeEquals(callback.Params.State, pending.Data.State)) return new AuthError.StateMismatch();
        if (pending.IsExpired(callback.Now, settings.PendingLoginTtl)) return new AuthError.PendingLoginExpired();
        var usedUp = new DeletePendingLogin(pending.Data.State);
        return callback.Params switch
        {
            CallbackParams.Granted granted => Decision.To(new LoginState.Callback(pending, granted.Code), usedUp,
                new ExchangeCode(Requests.ExchangeCode(settings, pending.Data, granted.Code))),
            CallbackParams.Denied denied => Decision.To(new Failed(new AuthError.AuthorizationDenied(denied.Error, denied.ErrorDescription)), usedUp),
            _ => new AuthError.UnexpectedEvent(nameof(Requested), callback.Params.GetType().Name),
        };
    }

    /// <summary>Keeps a member's new tokens.</summary>
    public static Decision LogIn(TokenPair member) => Decision.To(new Authenticated(member), new StoreTokens(member));

    /// <summary>Keeps a visitor's new tokens.</summary>
    public static Decision KeepVisitor(TokenPair visitor) => Decision.To(new Idle(Some(visitor)), new StoreTokens(visitor));

    /// <summary>
    /// Logging out always clears the tokens. A member's Wix session is ended through a logout Redirect Session;
    /// without a member there is nothing to end at Wix, so the browser goes straight back.
    /// </summary>
    public static Either<AuthError, Decision> LogOut(FlowSettings settings, LoginState state, string postLogoutUrl) =>
        ReturnUrl.Check(postLogoutUrl, settings.AllowedOrigins).Map(url => new Decision(
            new LoggedOut(url),
            (state switch
            {
                Requested r => Seq1<LoginEffect>(new DeletePendingLogin(r.Pending.Data.State)),
                _ => Empty,
            }).Add(new ClearTokens()).Add(state is Authenticated a
                ? new CreateLogoutSession(Requests.LogoutSession(settings, a.Member, url))
                : new Redirect(url))));

    /// <summary>
    /// A refusal (4XX) ends the member's session visibly; anything else (network, timeout, 5XX) keeps the tokens
    /// so a later request can try again. Never a silent switch to visitor tokens.
    /// </summary>
    public static Either<AuthError, Decision> RefreshFailed(WixError error) =>
        error.IsDefinitive
            ? Decision.To(new Failed(new AuthError.RefreshRejected(error)), new ClearTokens())
            : new AuthError.RefreshUnavailable(error);

    private static Option<TokenPair> VisitorOf(LoginState state) => state switch
    {
        Idle idle => idle.Visitor,
        Requested requested => requested.Visitor,
        _ => None,
    };

    private static Either<AuthError, OAuthData> CheckOAuthData(OAuthData data) =>
        Pkce.IsValidVerifier(data.CodeVerifier.Reveal())
        && data.CodeChallenge == Pkce.CodeChallenge(data.CodeVerifier.Reveal())
        && data.State.Length >= 43
            ? data
            : new AuthError.InvalidOAuthData();
}

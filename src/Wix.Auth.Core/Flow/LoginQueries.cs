using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Flow.LoginState;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Core.Flow;

/// <summary>
/// The questions hosts ask about a session, answered by the protocol's rules so that no host derives them again:
/// whether the tokens must be renewed, whether a member is logged in, why a callback failed, whether its ticket stays.
/// </summary>
public static class LoginQueries
{
    /// <summary>The tokens the session holds: the member's, or a visitor's (also during a login), or none.</summary>
    public static Option<TokenPair> TokensOf(LoginState state) => state switch
    {
        Authenticated a => Some(a.Member),
        _ => VisitorTokens(state),
    };

    /// <summary>A visitor's tokens, while no member is logged in (kept through a login attempt, whatever its outcome).</summary>
    public static Option<TokenPair> VisitorTokens(LoginState state) => state switch
    {
        Idle idle => idle.Visitor,
        Requested requested => requested.Visitor,
        Callback callback => callback.Visitor,
        Failed failed => failed.Visitor,
        _ => None,
    };

    /// <summary>
    /// True when the host must keep this state for the session; false when it says no more than having no entry at all
    /// (no tokens, no login in progress, no refused refresh to report), so the host forgets the session instead — a
    /// failed or replayed callback, a logout, leave nothing behind.
    /// </summary>
    public static bool IsWorthKeeping(LoginState state) => state switch
    {
        Requested or Callback => true,
        Failed { Reason: AuthError.RefreshRejected } => true,
        _ => TokensOf(state).IsSome,
    };

    /// <summary>The member's tokens, when a member is logged in.</summary>
    public static Option<TokenPair> MemberTokens(LoginState state) => state is Authenticated a ? Some(a.Member) : None;

    /// <summary>Why the session's last attempt ended without a member, when it did.</summary>
    public static Option<AuthError> FailureOf(LoginState state) => state is Failed failed ? Some(failed.Reason) : None;

    /// <summary>True when a member is logged in (<c>loggedIn</c>): the session may act as the member.</summary>
    public static bool IsMember(LoginState state) => state is Authenticated;

    /// <summary>
    /// True when the session's tokens expire at <paramref name="now"/> or within the refresh margin, so they must be
    /// renewed before use; false without tokens.
    /// </summary>
    public static bool NeedsRenewal(FlowSettings settings, LoginState state, DateTimeOffset now) =>
        TokensOf(state).Exists(t => t.AccessToken.IsExpired(now, settings.RefreshMargin));

    /// <summary>The access token to send now without asking Wix first: the session's, while it is outside the refresh margin.</summary>
    public static Option<Secret> FreshAccessToken(FlowSettings settings, LoginState state, DateTimeOffset now) =>
        NeedsRenewal(settings, state, now) ? None : TokensOf(state).Map(t => t.AccessToken.Value);

    /// <summary>
    /// True when logging out should renew the member's token first: Wix ends its own session only for a live member
    /// token (a refused renewal means the session is already over, and the logout is local).
    /// </summary>
    public static bool RenewBeforeLogout(FlowSettings settings, LoginState state, DateTimeOffset now) =>
        IsMember(state) && NeedsRenewal(settings, state, now);

    /// <summary>
    /// The error to show for a callback that failed with <paramref name="error"/>. A callback that found no pending login is
    /// explained from when the host says the login began (its ticket's timestamp: the store forgets an expired login, so the
    /// flow alone can only say "none pending"): older than the TTL means it expired; otherwise it was used already or never
    /// existed. Any other error is shown as it is.
    /// </summary>
    public static AuthError WhyLoginFailed(FlowSettings settings, AuthError error, Option<DateTimeOffset> loginBeganAt, DateTimeOffset now) =>
        error is AuthError.NoPendingLogin && loginBeganAt.Exists(began => now - began > settings.PendingLoginTtl) ? new AuthError.PendingLoginExpired() : error;

    /// <summary>
    /// True when the browser keeps its one-time login ticket (the host's cookie, the tab's storage) after a callback that
    /// failed with <paramref name="error"/>: the callback was not this browser's login (forged, sent by another site, a stale
    /// tab — its state was refused before anything was touched), or the store was down (nothing was spent); so the real
    /// callback, or a reload, still completes the login in progress. Any other outcome uses the ticket up.
    /// </summary>
    public static bool KeepsLoginTicket(AuthError error) => error is AuthError.StateMismatch or AuthError.StoreUnavailable;

    /// <summary>
    /// How long a host keeps the browser's ticket of a pending login (a cookie, the tab's storage): as long as the pending
    /// login itself is accepted, so the ticket never outlives it and never dies before it.
    /// </summary>
    public static TimeSpan TicketLifetime(FlowSettings settings) => settings.PendingLoginTtl;

    /// <summary>
    /// True when a callback has been in flight for longer than the pending-login TTL: its exchange was abandoned (the host
    /// stopped mid-way), so a new login may replace it.
    /// </summary>
    public static bool IsAbandoned(FlowSettings settings, Callback callback, DateTimeOffset now) => now - callback.ReceivedAt > settings.PendingLoginTtl;

    /// <summary>
    /// Where the member goes after the session's login: the login's original URI, checked when it began — once logged in,
    /// or once a login whose pending login was found ended without a member. None otherwise: the host's default page.
    /// </summary>
    public static Option<string> ReturnTo(LoginState state) => state switch
    {
        Authenticated a => a.ReturnTo,
        Failed f => f.ReturnTo,
        _ => None,
    };

    /// <summary>Who the logged-in member is, when the session knows (<see cref="Authenticated.Identity"/>).</summary>
    public static Option<Protocol.MemberIdentity> MemberIdentityOf(LoginState state) => state is Authenticated a ? a.Identity : None;

    /// <summary>The redirect URI of the session's login, when it has one: its origin is one a member may return to.</summary>
    public static Option<string> RedirectUriOf(LoginState state) => state switch
    {
        Requested r => Some(r.Pending.Data.RedirectUri),
        Callback c => c.Taken.Map(p => p.Data.RedirectUri),
        Authenticated a => a.RedirectUri,
        _ => None,
    };

    /// <summary>
    /// True when a failed login should end quietly, the visitor staying anonymous where they were: a silent login
    /// (<c>prompt=none</c>) that Wix answered with OpenID Connect's "the member must interact" errors
    /// (<c>login_required</c>, <c>interaction_required</c>, <c>consent_required</c>) — the expected answer for a visitor.
    /// </summary>
    public static bool EndsQuietly(Protocol.Prompt prompt, AuthError error) =>
        prompt == Protocol.Prompt.None && error is AuthError.AuthorizationDenied { Error: "login_required" or "interaction_required" or "consent_required" };

    /// <summary>
    /// True when a login may end without the member seeing a page — a silent login, or a social login whose provider
    /// remembers the member — so another site must not be able to start it for a member's browser (login CSRF: a Wix
    /// session planted in the browser would log it in as someone else). The host starts such a login only from a
    /// same-origin request.
    /// </summary>
    public static bool NeedsSameOriginStart(Protocol.Prompt prompt, bool viaIdentityProvider) =>
        prompt == Protocol.Prompt.None || viaIdentityProvider;

    /// <summary>
    /// True when a completed login may replace the member session the browser already has. A login the member saw may;
    /// a silent one only when it names the same member as the session (<paramref name="sessionMember"/>, None when the
    /// session's member is unknown) — a Wix session planted in the browser never silently replaces a member's own.
    /// Without a member session there is nothing to replace.
    /// </summary>
    public static bool MayReplaceSession(Protocol.Prompt prompt, bool hasMemberSession, Option<string> sessionMember, Option<string> loggedInMember) =>
        !ReplacementNeedsSession(prompt) || !hasMemberSession || (sessionMember.IsSome && sessionMember == loggedInMember);

    /// <summary>
    /// True when <see cref="MayReplaceSession"/> depends on the browser's session (a silent login); false when a login may
    /// replace any session (the member saw the page and chose), so the host need not read the session to decide.
    /// </summary>
    public static bool ReplacementNeedsSession(Protocol.Prompt prompt) => prompt == Protocol.Prompt.None;
}

using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Core.Flow;

/// <summary>
/// What happened: the host's requests, and the answers of the world to the core's calls — each call has its own
/// answer events, one for success and one for failure, so the core never guesses which call an answer belongs to.
/// </summary>
/// <remarks>Events that need the time carry it as <c>Now</c>; the core has no clock.</remarks>
public abstract record LoginEvent
{
    private LoginEvent() { }

    // The host's requests.

    /// <summary>The host asked for a login URL (<c>getAuthUrl</c>) for this OAuth data.</summary>
    public sealed record LoginRequested(OAuthData Data, Prompt Prompt, ResponseMode ResponseMode, DateTimeOffset Now) : LoginEvent
    {
        /// <summary>How the member logs in at Wix: its page (the default), a session token, or a social provider.</summary>
        public LoginMethod Method { get; init; } = LoginMethod.WixPage;
    }

    /// <summary>The host asked for visitor tokens (<c>generateVisitorTokens</c>).</summary>
    public sealed record VisitorTokensRequested(DateTimeOffset Now) : LoginEvent;

    /// <summary>
    /// The member came back to the redirect URI with these parameters, for the login whose <c>state</c> the host bound to
    /// this browser or client (<paramref name="ExpectedState"/>: the OAuth data's state, or a protected cookie's).
    /// </summary>
    public sealed record CallbackReceived(CallbackParams Params, string ExpectedState, DateTimeOffset Now) : LoginEvent;

    /// <summary>The host is about to use the tokens and asks that they be renewed if they are (nearly) expired.</summary>
    public sealed record RefreshRequested(DateTimeOffset Now) : LoginEvent;

    /// <summary>
    /// The host needs to know who the member is (a member-ID claim): nothing to do when the session knows, else Wix's
    /// token info is asked once.
    /// </summary>
    public sealed record MemberIdentityRequested : LoginEvent;

    /// <summary>
    /// The host asked to log out (<c>logout</c>) at <paramref name="Now"/>, returning to <paramref name="PostLogoutUrl"/>
    /// afterwards. A host that knows its redirect URI names it (<paramref name="RedirectUri"/>): its origin may be returned to
    /// even when the session does not remember a login (tokens set by hand, or stored in the old format).
    /// </summary>
    public sealed record LogoutRequested(string PostLogoutUrl, DateTimeOffset Now, Option<string> RedirectUri = default) : LoginEvent;

    /// <summary>
    /// The host made <paramref name="Tokens"/> the session's tokens (<c>setTokens</c>), or a trusted back end's external
    /// login granted them (<see cref="Members.ExternalLoginFlow"/>).
    /// </summary>
    public sealed record TokensSet(Credentials.Tokens Tokens) : LoginEvent;

    /// <summary>
    /// The host discarded this session without Wix: the browser's new login replaced it, or the host refused the login it
    /// completed (a silent login that came back as another member). Its tokens and any login in progress are forgotten.
    /// </summary>
    public sealed record SessionDiscarded : LoginEvent;

    // Answers to ObtainVisitorTokens.

    /// <summary>Wix granted visitor tokens.</summary>
    public sealed record VisitorTokensReceived(TokenResponse Response, DateTimeOffset Now) : LoginEvent;

    /// <summary>Wix did not grant visitor tokens, or could not be reached.</summary>
    public sealed record VisitorTokensFailed(WixError Error) : LoginEvent;

    // Answers to CreateLoginSession.

    /// <summary>Wix created the login Redirect Session; <paramref name="AuthUrl"/> is its <c>fullUrl</c>.</summary>
    public sealed record LoginSessionCreated(string AuthUrl) : LoginEvent;

    /// <summary>Wix did not create the login Redirect Session, or could not be reached.</summary>
    public sealed record LoginSessionFailed(WixError Error) : LoginEvent;

    // Answers to TakePendingLogin.

    /// <summary>The store handed out the pending login, to this taker only; it is gone from the store.</summary>
    public sealed record PendingLoginTaken(PendingLogin Pending) : LoginEvent;

    /// <summary>The store has no such pending login: never stored, expired, or already taken by another callback.</summary>
    public sealed record PendingLoginGone : LoginEvent;

    // Answers to ExchangeCode.

    /// <summary>Wix exchanged the code for the member's tokens.</summary>
    public sealed record CodeExchanged(TokenResponse Response, DateTimeOffset Now) : LoginEvent;

    /// <summary>Wix refused the code (4XX) or could not be reached.</summary>
    public sealed record CodeExchangeFailed(WixError Error) : LoginEvent;

    // Answers to RefreshTokens.

    /// <summary>Wix refreshed the tokens.</summary>
    public sealed record TokensRefreshed(TokenResponse Response, DateTimeOffset Now) : LoginEvent;

    /// <summary>Wix refused the refresh (4XX: the member must log in again) or could not be reached (the tokens stay).</summary>
    public sealed record RefreshFailed(WixError Error) : LoginEvent;

    // Answers to FetchMemberIdentity.

    /// <summary>Wix's token info answered for the member's access token (whose it is, and whether it is active).</summary>
    public sealed record MemberIdentityReceived(TokenInfoReply Reply) : LoginEvent;

    /// <summary>Wix's token info refused, or could not be reached.</summary>
    public sealed record MemberIdentityFetchFailed(WixError Error) : LoginEvent;

    // Answers to CreateLogoutSession.

    /// <summary>Wix created the logout Redirect Session; <paramref name="LogoutUrl"/> is its <c>fullUrl</c>.</summary>
    public sealed record LogoutSessionCreated(string LogoutUrl) : LoginEvent;

    /// <summary>Wix did not create the logout Redirect Session, or could not be reached.</summary>
    public sealed record LogoutSessionFailed(WixError Error) : LoginEvent;
}

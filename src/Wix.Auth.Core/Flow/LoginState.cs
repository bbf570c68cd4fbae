using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Protocol;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Core.Flow;

/// <summary>
/// Where one session's login stands; what the host stores for the session (see <see cref="Snapshots.SessionSnapshot"/>).
/// Invariant: tokens of role <see cref="TokenRole.Member"/> exist only in <see cref="Authenticated"/>.
/// </summary>
public abstract record LoginState
{
    private LoginState() { }

    /// <summary>The state of a new session: no login, no tokens.</summary>
    public static LoginState Initial { get; } = new Idle(None);

    /// <summary>
    /// The state that holds <paramref name="tokens"/> (<c>setTokens</c>): a member's tokens make
    /// <see cref="Authenticated"/>, anything else <see cref="Idle"/>.
    /// </summary>
    public static LoginState FromTokens(Option<TokenPair> tokens) =>
        tokens.Match(t => t.Role == TokenRole.Member ? new Authenticated(t, None) : (LoginState)new Idle(Some(t)), () => Initial);

    /// <summary>No login in progress; perhaps a visitor's tokens.</summary>
    public sealed record Idle(Option<TokenPair> Visitor) : LoginState;

    /// <summary>
    /// A login was requested and is pending until its callback: first visitor tokens (when
    /// <paramref name="Visitor"/> is none), then the login URL, then the member is at Wix.
    /// </summary>
    public sealed record Requested(PendingLogin Pending, Option<TokenPair> Visitor) : LoginState;

    /// <summary>
    /// A callback was accepted at <paramref name="ReceivedAt"/>: first its pending login is taken from the store
    /// (<paramref name="Taken"/> is none), then its code is exchanged. A state of its own because the pending login is
    /// used up from here: a second callback must be refused while this one is in flight. A visitor's tokens the session
    /// held stay with it (<paramref name="Visitor"/>), so a failed attempt loses nothing.
    /// </summary>
    public sealed record Callback(CallbackParams Params, DateTimeOffset ReceivedAt, Option<PendingLogin> Taken, Option<TokenPair> Visitor) : LoginState;

    /// <summary>A member is logged in; <paramref name="RedirectUri"/> is the login's, when known: its origin may be returned to.</summary>
    public sealed record Authenticated(TokenPair Member, Option<string> RedirectUri) : LoginState
    {
        /// <summary>
        /// Where the member goes now that the login is complete: the login's original URI as it was checked (and made
        /// Location-safe) when the login began (<see cref="Urls.ReturnUrl"/>). None when the login named none, or the
        /// tokens were set by hand: the host's default page.
        /// </summary>
        public Option<string> ReturnTo { get; init; }

        /// <summary>
        /// Who the member is, when known: named from the start by a login that completed the site's own form, else
        /// answered by Wix's token info when a host asked (<see cref="LoginEvent.MemberIdentityRequested"/>). Unknown until
        /// then, and after a fetch that failed: the member stays logged in, and a later request may ask again.
        /// </summary>
        public Option<MemberIdentity> Identity { get; init; }
    }

    /// <summary>The member logged out; the browser goes to Wix's logout URL, then to <paramref name="PostLogoutUrl"/>.</summary>
    public sealed record LoggedOut(string PostLogoutUrl) : LoginState;

    /// <summary>
    /// The member asked to log out while their access token needed renewal, and the refresh is out: Wix ends its own
    /// session only for a live member token. The session's tokens are forgotten already (nothing of this state is kept);
    /// the renewed token, or the held <paramref name="AccessToken"/> when Wix could not be reached, then asks Wix for its
    /// logout URL, which returns to <paramref name="PostLogoutUrl"/>. A refused refresh makes the logout local.
    /// </summary>
    public sealed record LoggingOut(string PostLogoutUrl, Secret AccessToken) : LoginState;

    /// <summary>
    /// The last attempt ended without a member: Wix answered with an error, a call failed, or a member's refresh
    /// was refused. Needed because Wix always returns to the site, and a refused refresh must be an outcome the host
    /// sees rather than a silent switch to a visitor. A failed login keeps the visitor's tokens the session had
    /// (<paramref name="Visitor"/>); a refused refresh never has any.
    /// </summary>
    public sealed record Failed(AuthError Reason, Option<TokenPair> Visitor) : LoginState
    {
        /// <summary>An attempt that ended without a member and without a visitor's tokens.</summary>
        public Failed(AuthError reason) : this(reason, None) { }

        /// <summary>
        /// Where the member was going, for a login that ended after its pending login was found: that login's checked
        /// original URI (a silent login that ends quietly returns there). None otherwise.
        /// </summary>
        public Option<string> ReturnTo { get; init; }
    }
}

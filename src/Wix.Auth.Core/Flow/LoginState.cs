using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Core.Flow;

/// <summary>
/// Where one client's login stands. Invariant: tokens of role <see cref="TokenRole.Member"/> exist only in
/// <see cref="Authenticated"/>.
/// </summary>
public abstract record LoginState
{
    private LoginState() { }

    /// <summary>The state of a new client: no login, no tokens.</summary>
    public static LoginState Initial { get; } = new Idle(None);

    /// <summary>
    /// The state that holds <paramref name="tokens"/> (<c>setTokens</c>, or a host restoring its store):
    /// a member's tokens make <see cref="Authenticated"/>, anything else <see cref="Idle"/>.
    /// </summary>
    public static LoginState FromTokens(Option<TokenPair> tokens) =>
        tokens.Match(t => t.Role == TokenRole.Member ? new Authenticated(t) : (LoginState)new Idle(Some(t)), () => Initial);

    /// <summary>No login in progress; perhaps a visitor's tokens.</summary>
    public sealed record Idle(Option<TokenPair> Visitor) : LoginState;

    /// <summary>
    /// A login was requested and is pending until its callback: first visitor tokens (when
    /// <paramref name="Visitor"/> is none), then the login URL, then the member is at Wix.
    /// </summary>
    public sealed record Requested(PendingLogin Pending, Option<TokenPair> Visitor) : LoginState;

    /// <summary>
    /// The callback was accepted and its code is being exchanged. A state of its own because the pending login
    /// is used up from here: a second callback must be refused while the exchange is in flight.
    /// </summary>
    public sealed record Callback(PendingLogin Pending, Secret Code) : LoginState;

    /// <summary>A member is logged in.</summary>
    public sealed record Authenticated(TokenPair Member) : LoginState;

    /// <summary>The member logged out; the browser goes to Wix's logout URL, then to <paramref name="PostLogoutUrl"/>.</summary>
    public sealed record LoggedOut(string PostLogoutUrl) : LoginState;

    /// <summary>
    /// The last attempt ended without a member: Wix answered with an error, a call failed, or a member's refresh
    /// was refused. Needed because Wix always returns to the site, and a refused refresh must be an outcome the host
    /// sees rather than a silent switch to a visitor.
    /// </summary>
    public sealed record Failed(AuthError Reason) : LoginState;
}

using LanguageExt;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Core.Flow;

/// <summary>A login that waits for the member to come back from Wix; what a host stores, keyed by <c>state</c>.</summary>
/// <param name="Data">The login's OAuth data (verifier included).</param>
/// <param name="Prompt">What was asked of Wix.</param>
/// <param name="ResponseMode">Where Wix will put the result.</param>
/// <param name="CreatedAt">When the login was requested; with the TTL, when it stops being accepted.</param>
public sealed record PendingLogin(OAuthData Data, Prompt Prompt, ResponseMode ResponseMode, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// How the member logs in at Wix (<see cref="LoginMethod.WixPage"/> unless the login was asked otherwise). Needed only
    /// until the login URL is made: the session's snapshot keeps it while its login waits for visitor tokens, and nothing
    /// after; the pending login the flow stores (<see cref="LoginEffect.StorePendingLogin"/>) always has <see cref="LoginMethod.WixPage"/>
    /// here, so a session token is not stored past the URL that spends it.
    /// </summary>
    public LoginMethod Method { get; init; } = LoginMethod.WixPage;

    /// <summary>
    /// The member a login that completes the site's own form is for, when Wix named them
    /// (<see cref="LoginMethod.WithSessionToken.Member"/>): known from the start, so their identity is never fetched.
    /// Stores and snapshots keep it.
    /// </summary>
    public Option<MemberIdentity> Member { get; init; }

    /// <summary>True once more than <paramref name="ttl"/> has passed since <see cref="CreatedAt"/>.</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan ttl) => now - CreatedAt > ttl;
}

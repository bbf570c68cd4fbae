using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Core.Snapshots;

// Plain shapes for System.Text.Json (which cannot write LanguageExt's Option or the masked Secret). Every property is
// nullable because stored data comes from outside the process: SessionSnapshots decides what a usable snapshot is.
// The secrets are in clear: protect the store that keeps them.

/// <summary>
/// A session's <see cref="Flow.LoginState"/> as stored, versioned. Version 1 names the state in <see cref="Kind"/>;
/// a snapshot without a version is the token pair every store kept before (its fields are <see cref="TokensSnapshot"/>'s).
/// </summary>
public sealed class SessionSnapshot
{
    /// <summary>The format: <see cref="SessionSnapshots.Version"/>, or 0 for a bare token pair of the old format.</summary>
    public int Version { get; set; }

    /// <summary>The state's kind: <c>Idle</c>, <c>Requested</c>, <c>Callback</c>, <c>Authenticated</c>, <c>LoggedOut</c>, <c>Failed</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>A visitor's tokens (Idle, Requested, Callback, Failed).</summary>
    public TokensSnapshot? Visitor { get; set; }

    /// <summary>The member's tokens (Authenticated).</summary>
    public TokensSnapshot? Member { get; set; }

    /// <summary>The login's redirect URI (Authenticated).</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Where the member returns after the login (Authenticated, Failed); absent in snapshots written before it was kept.</summary>
    public string? ReturnTo { get; set; }

    /// <summary>Who the member is, when known (Authenticated); absent in snapshots written before it was kept.</summary>
    public MemberIdentitySnapshot? Identity { get; set; }

    /// <summary>The pending login (Requested), or the one taken for a callback (Callback).</summary>
    public PendingLoginSnapshot? Pending { get; set; }

    /// <summary>
    /// How a login that waits for visitor tokens logs in at Wix (Requested, until its login URL is asked for: the URL spends
    /// a session token, so it is not kept after). Absent: Wix's page, as in snapshots written before it was kept.
    /// </summary>
    public LoginMethodSnapshot? Method { get; set; }

    /// <summary>The callback's parameters (Callback); its <c>iss</c> is not kept.</summary>
    public CallbackSnapshot? Callback { get; set; }

    /// <summary>When the callback arrived (Callback).</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>Where the browser returns after logout (LoggedOut).</summary>
    public string? PostLogoutUrl { get; set; }

    /// <summary>Why the attempt ended (Failed).</summary>
    public FailureSnapshot? Failure { get; set; }

    /// <summary>Old format (version 0): the access token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Old format (version 0): when the access token expires.</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    /// <summary>Old format (version 0): the refresh token.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Old format (version 0): whose tokens.</summary>
    public TokenRole? Role { get; set; }
}

/// <summary>A token pair as stored.</summary>
public sealed class TokensSnapshot
{
    /// <summary>The access token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>When it expires.</summary>
    public DateTimeOffset AccessTokenExpiresAt { get; set; }

    /// <summary>The refresh token.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Whose tokens.</summary>
    public TokenRole Role { get; set; }
}

/// <summary>A pending login as stored, verifier included; the same shape pending-login stores have always written.</summary>
public sealed class PendingLoginSnapshot
{
    /// <summary>The redirect URI.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Where the member was before logging in.</summary>
    public string? OriginalUri { get; set; }

    /// <summary>The PKCE verifier.</summary>
    public string? CodeVerifier { get; set; }

    /// <summary>The PKCE challenge.</summary>
    public string? CodeChallenge { get; set; }

    /// <summary>The <c>state</c>.</summary>
    public string? State { get; set; }

    /// <summary>What was asked of Wix.</summary>
    public Prompt Prompt { get; set; }

    /// <summary>Where Wix puts the result.</summary>
    public ResponseMode ResponseMode { get; set; }

    /// <summary>When the login was requested.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The member the site's own form named, for a login that completes it; absent in snapshots written before it was kept.</summary>
    public MemberIdentitySnapshot? Member { get; set; }
}

/// <summary>A login's <see cref="Flow.LoginMethod"/> other than Wix's page, as stored: its kind and what it sends.</summary>
public sealed class LoginMethodSnapshot
{
    /// <summary><c>SessionToken</c> or <c>Social</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The site's own form's session token (SessionToken), in clear as every stored secret.</summary>
    public string? SessionToken { get; set; }

    /// <summary>The identity provider's ID (Social).</summary>
    public string? Idp { get; set; }
}

/// <summary>A member's identity as stored.</summary>
public sealed class MemberIdentitySnapshot
{
    /// <summary>The member ID.</summary>
    public string? MemberId { get; set; }

    /// <summary>The contact ID, when Wix gave it.</summary>
    public string? ContactId { get; set; }

    /// <summary>The login email, when Wix gave it.</summary>
    public string? Email { get; set; }

    /// <summary>Whether that email is verified, when Wix said.</summary>
    public bool? EmailVerified { get; set; }
}

/// <summary>A callback's parameters as stored: a code, or Wix's error.</summary>
public sealed class CallbackSnapshot
{
    /// <summary>The <c>state</c>.</summary>
    public string? State { get; set; }

    /// <summary>The authorization code, when granted.</summary>
    public string? Code { get; set; }

    /// <summary>Wix's error, when denied.</summary>
    public string? Error { get; set; }

    /// <summary>Wix's error description, when denied.</summary>
    public string? ErrorDescription { get; set; }
}

/// <summary>Why an attempt ended: the error's stable code and the data it carries.</summary>
public sealed class FailureSnapshot
{
    /// <summary>The <see cref="Errors.AuthError.Code"/>.</summary>
    public string? Code { get; set; }

    /// <summary>Wix's error code (authorization_denied).</summary>
    public string? Error { get; set; }

    /// <summary>Wix's error description (authorization_denied).</summary>
    public string? ErrorDescription { get; set; }

    /// <summary>What a failed call reported (remote_call_failed, refresh_rejected).</summary>
    public WixErrorSnapshot? WixError { get; set; }
}

/// <summary>A <see cref="Errors.WixError"/> as stored.</summary>
public sealed class WixErrorSnapshot
{
    /// <summary>The code.</summary>
    public string? Code { get; set; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The HTTP status.</summary>
    public int? HttpStatus { get; set; }

    /// <summary>Wix's request id.</summary>
    public string? RequestId { get; set; }
}

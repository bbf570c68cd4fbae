using LanguageExt;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Protocol;

/// <summary>
/// One HTTP request to Wix, described exactly (every one is a JSON <c>POST</c>): the path, the access token
/// that goes bare in <c>Authorization</c> if any, and the body's fields in the order <c>@wix/sdk</c> sends them.
/// The effects layer only serializes these, and repeats a failed one only as far as its <see cref="Repeat"/> allows.
/// </summary>
public abstract record WixRequest
{
    private WixRequest(string path, Option<Secret> authorization, RepeatPolicy repeat) =>
        (Path, Authorization, Repeat) = (path, authorization, repeat);

    /// <summary>The path below the API base URL.</summary>
    public string Path { get; }

    /// <summary>The access token for <c>Authorization</c>, without a <c>Bearer </c> prefix.</summary>
    public Option<Secret> Authorization { get; }

    /// <summary>Whether the request may be sent again after a failed attempt, and why.</summary>
    public RepeatPolicy Repeat { get; }

    /// <summary><c>{"clientId","grantType":"anonymous"}</c>: visitor tokens. Safe to repeat: it uses up nothing.</summary>
    public sealed record AnonymousGrant(string ClientId) : WixRequest(WireNames.TokenPath, None, new RepeatPolicy.Safe(
        "Each grant only issues a new visitor's tokens; a visitor nobody holds harms nothing."))
    {
        /// <summary>The <c>grantType</c>.</summary>
        public string GrantType => "anonymous";
    }

    /// <summary>
    /// <c>{"clientId","grantType":"authorization_code","redirectUri","code","codeVerifier"}</c>. Repeated only when it
    /// never reached Wix: the code is single-use.
    /// </summary>
    public sealed record AuthorizationCodeGrant(string ClientId, string RedirectUri, Secret Code, Secret CodeVerifier)
        : WixRequest(WireNames.TokenPath, None, new RepeatPolicy.OnlyIfNeverSent(
            "The code is single-use: a second exchange of a code Wix has seen fails, and under RFC 6749 §4.1.2 revokes the tokens the first one gave."))
    {
        /// <summary>The <c>grantType</c>.</summary>
        public string GrantType => "authorization_code";
    }

    /// <summary>
    /// <c>{"clientId","refreshToken","grantType":"refresh_token"}</c>. Safe to repeat: Wix keeps the refresh token (no
    /// rotation has been seen), and where a server rotates it a repeat loses nothing the next refresh would not.
    /// </summary>
    public sealed record RefreshTokenGrant(string ClientId, Secret RefreshToken) : WixRequest(WireNames.TokenPath, None, new RepeatPolicy.Safe(
        "Wix keeps the refresh token (no rotation has been seen), so a repeat sends a token that is still good; "
        + "were it rotated, a first attempt Wix saw would have spent it for the next refresh too, which sends the same token."))
    {
        /// <summary>The <c>grantType</c>.</summary>
        public string GrantType => "refresh_token";
    }

    /// <summary>
    /// <c>{"auth":{"authRequest":{…},"prompt"}}</c>, sent with the visitor's access token. Safe to repeat: it only
    /// creates a Redirect Session.
    /// </summary>
    public sealed record LoginSession(Secret AccessToken, AuthRequest AuthRequest, string Prompt)
        : WixRequest(WireNames.RedirectSessionPath, Some(AccessToken), new RepeatPolicy.Safe(
            "Each only creates a Redirect Session for the login page; one the browser never opens is never used."));

    /// <summary>
    /// <c>{"logout":{"clientId"},"callbacks":{"postFlowUrl"}}</c>, sent with the member's access token. Safe to repeat:
    /// it only creates a Redirect Session.
    /// </summary>
    public sealed record LogoutSession(Secret AccessToken, string ClientId, string PostFlowUrl)
        : WixRequest(WireNames.RedirectSessionPath, Some(AccessToken), new RepeatPolicy.Safe(
            "Each only creates a Redirect Session for the logout page; the logout happens when the browser opens one."));
}

/// <summary>
/// The <c>authRequest</c> of a login Redirect Session, fields in wire order; <see cref="SessionToken"/> and
/// <see cref="Idp"/> follow <c>state</c>, and only when set.
/// </summary>
public sealed record AuthRequest(
    string RedirectUri,
    string ClientId,
    string CodeChallenge,
    string CodeChallengeMethod,
    string ResponseMode,
    string ResponseType,
    string Scope,
    string State)
{
    /// <summary>The session token of the site's own form (<c>sessionToken</c>), when the member logs in with one.</summary>
    public Option<Secret> SessionToken { get; init; } = None;

    /// <summary>The social identity provider (<c>idp</c>), when the member logs in with one.</summary>
    public Option<IdentityProvider> Idp { get; init; } = None;
}

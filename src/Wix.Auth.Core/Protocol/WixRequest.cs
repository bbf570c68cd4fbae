using LanguageExt;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Protocol;

/// <summary>
/// One HTTP request to Wix, described exactly (every one is a JSON <c>POST</c>): the path, the access token
/// that goes bare in <c>Authorization</c> if any, and the body's fields in the order <c>@wix/sdk</c> sends them.
/// The effects layer only serializes these.
/// </summary>
public abstract record WixRequest
{
    private WixRequest(string path, Option<Secret> authorization) => (Path, Authorization) = (path, authorization);

    /// <summary>The path below the API base URL.</summary>
    public string Path { get; }

    /// <summary>The access token for <c>Authorization</c>, without a <c>Bearer </c> prefix.</summary>
    public Option<Secret> Authorization { get; }

    /// <summary><c>{"clientId","grantType":"anonymous"}</c>: visitor tokens.</summary>
    public sealed record AnonymousGrant(string ClientId) : WixRequest(WireNames.TokenPath, None)
    {
        /// <summary>The <c>grantType</c>.</summary>
        public string GrantType => "anonymous";
    }

    /// <summary><c>{"clientId","grantType":"authorization_code","redirectUri","code","codeVerifier"}</c>.</summary>
    public sealed record AuthorizationCodeGrant(string ClientId, string RedirectUri, Secret Code, Secret CodeVerifier)
        : WixRequest(WireNames.TokenPath, None)
    {
        /// <summary>The <c>grantType</c>.</summary>
        public string GrantType => "authorization_code";
    }

    /// <summary><c>{"clientId","refreshToken","grantType":"refresh_token"}</c>.</summary>
    public sealed record RefreshTokenGrant(string ClientId, Secret RefreshToken) : WixRequest(WireNames.TokenPath, None)
    {
        /// <summary>The <c>grantType</c>.</summary>
        public string GrantType => "refresh_token";
    }

    /// <summary><c>{"auth":{"authRequest":{…},"prompt"}}</c>, sent with the visitor's access token.</summary>
    public sealed record LoginSession(Secret AccessToken, AuthRequest AuthRequest, string Prompt)
        : WixRequest(WireNames.RedirectSessionPath, Some(AccessToken));

    /// <summary><c>{"logout":{"clientId"},"callbacks":{"postFlowUrl"}}</c>, sent with the member's access token.</summary>
    public sealed record LogoutSession(Secret AccessToken, string ClientId, string PostFlowUrl)
        : WixRequest(WireNames.RedirectSessionPath, Some(AccessToken));
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

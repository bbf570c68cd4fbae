using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore;

/// <summary>What the web host adds to the login client's settings: cookies, paths, response mode, where members may return to.</summary>
public sealed class WixAuthWebOptions
{
    /// <summary>The member-session cookie: an opaque random id; the tokens stay on the server. Default <c>wix.session</c>.</summary>
    public string SessionCookieName { get; set; } = "wix.session";

    /// <summary>The cookie that binds a pending login to the browser that began it. Default <c>wix.login</c>.</summary>
    public string PendingLoginCookieName { get; set; } = "wix.login";

    /// <summary>
    /// Where Wix puts the result: <see cref="ResponseMode.Query"/> (default; the server reads it) or
    /// <see cref="ResponseMode.Fragment"/> (Wix's default; a tiny page posts it to the server).
    /// </summary>
    public ResponseMode ResponseMode { get; set; } = ResponseMode.Query;

    /// <summary>
    /// The site's public origin (e.g. <c>https://shop.example.com</c>), used for the redirect URI and the post-logout URL;
    /// null to take it from each request, which is right unless a proxy rewrites the host.
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>
    /// Where a member goes when <c>returnUrl</c> is missing or refused, and after logout. Default <c>/</c>. A <c>returnUrl</c>
    /// may be local, on the site's origin, or on one of <c>WixAuthOptions.AllowedRedirectOrigins</c> — the one list.
    /// </summary>
    public string DefaultReturnPath { get; set; } = "/";

    /// <summary>How long a member's tokens are kept in a distributed store without being used. Default 14 days.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(14);
}

using Microsoft.AspNetCore.Http;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// How the host's cookies are named and flagged. A site whose public origin is HTTPS — whatever the proxy in front of it
/// forwards — gets <c>Secure</c> cookies with the <c>__Host-</c> prefix: browsers accept such a cookie only from this exact
/// host over HTTPS, for path <c>/</c>, so a sibling subdomain cannot plant one (a planted session or login ticket would log
/// the victim in as the attacker). On plain HTTP (development) the names are as configured.
/// </summary>
internal static class SiteCookie
{
    private const string HostPrefix = "__Host-";

    /// <summary>True when the site is served over HTTPS: the request says so, or the configured public origin does.</summary>
    public static bool IsHttps(HttpRequest request, WixAuthWebOptions options) =>
        request.IsHttps || options.PublicOrigin is { Scheme: "https" };

    /// <summary>The cookie's name on this site: <paramref name="name"/>, with <c>__Host-</c> on HTTPS.</summary>
    public static string Name(HttpRequest request, WixAuthWebOptions options, string name) =>
        IsHttps(request, options) ? HostPrefix + name : name;

    /// <summary>HttpOnly, SameSite=Lax, essential; Secure and path <c>/</c> on HTTPS, else <paramref name="httpPath"/>.</summary>
    public static CookieOptions Options(HttpRequest request, WixAuthWebOptions options, string httpPath, TimeSpan? maxAge = null)
    {
        var https = IsHttps(request, options);
        // Lax: the cookies must come along when Wix sends the member back (a top-level GET), never on cross-site POSTs.
        return new CookieOptions
        {
            HttpOnly = true,
            Secure = https,
            SameSite = SameSiteMode.Lax,
            Path = https ? "/" : httpPath,
            MaxAge = maxAge,
            IsEssential = true,
        };
    }
}

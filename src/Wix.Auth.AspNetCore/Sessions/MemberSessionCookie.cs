using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>Reads and writes the member-session cookie: HttpOnly, Secure on HTTPS, SameSite=Lax, for the whole site.</summary>
internal sealed class MemberSessionCookie(IOptions<WixAuthWebOptions> options)
{
    private string Name => options.Value.SessionCookieName;

    /// <summary>The store key of the request's session, or null without a valid cookie.</summary>
    public string? KeyOf(HttpRequest request) => SessionId.KeyOf(request.Cookies[Name]);

    /// <summary>Gives the browser the session <paramref name="sessionId"/> (from <see cref="SessionId.New"/>).</summary>
    public void Start(HttpResponse response, string sessionId) =>
        response.Cookies.Append(Name, sessionId, CookieOptions(response.HttpContext.Request));

    /// <summary>Tells the browser to forget the session.</summary>
    public void End(HttpResponse response) => response.Cookies.Delete(Name, CookieOptions(response.HttpContext.Request));

    // Lax: the cookie must come along when Wix sends the member back (a top-level GET), never on cross-site POSTs.
    private static CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
    };
}

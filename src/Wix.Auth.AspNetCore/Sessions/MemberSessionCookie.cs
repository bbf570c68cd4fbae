using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>Reads and writes the member-session cookie: HttpOnly, SameSite=Lax, for the whole site; <c>__Host-</c> and Secure on HTTPS.</summary>
internal sealed class MemberSessionCookie(IOptions<WixAuthWebOptions> options)
{
    /// <summary>
    /// The store key of the request's session, or null without a valid cookie. Hashed once per request: the session
    /// handler, the request's client and the endpoints all ask.
    /// </summary>
    public string? KeyOf(HttpRequest request)
    {
        var text = request.Cookies[Name(request)];
        if (request.HttpContext.Features.Get<HashedSessionId>() is { } hashed && hashed.CookieText == text) return hashed.Key;
        var key = SessionId.KeyOf(text);
        request.HttpContext.Features.Set(new HashedSessionId(text, key));
        return key;
    }

    /// <summary>Gives the browser the session <paramref name="sessionId"/> (from <see cref="SessionId.New"/>).</summary>
    public void Start(HttpResponse response, string sessionId) =>
        response.Cookies.Append(Name(response.HttpContext.Request), sessionId, SiteCookie.Options(response.HttpContext.Request, options.Value, "/"));

    /// <summary>Tells the browser to forget the session.</summary>
    public void End(HttpResponse response) =>
        response.Cookies.Delete(Name(response.HttpContext.Request), SiteCookie.Options(response.HttpContext.Request, options.Value, "/"));

    private string Name(HttpRequest request) => SiteCookie.Name(request, options.Value, options.Value.SessionCookieName);
}

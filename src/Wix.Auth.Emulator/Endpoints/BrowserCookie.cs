namespace Wix.Auth.Emulator.Endpoints;

/// <summary>The emulator's own login session cookie, the stand-in for Wix's session cookies.</summary>
internal static class BrowserCookie
{
    public const string Name = "wix-emulator-session";

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    public static void Write(HttpResponse response, string sessionId) =>
        response.Cookies.Append(Name, sessionId, Options());

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name, Options());

    private static CookieOptions Options() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
    };
}

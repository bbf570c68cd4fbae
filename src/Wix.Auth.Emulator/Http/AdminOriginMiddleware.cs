using Wix.Auth.Emulator.Endpoints;

namespace Wix.Auth.Emulator.Http;

/// <summary>
/// The admin API (<c>/_emulator</c>) answers only its own origin and non-browser clients: a request a browser sends from
/// another origin (it says so in <c>Origin</c> or <c>Sec-Fetch-Site</c>) gets 403 and no CORS headers, preflights included.
/// </summary>
internal sealed class AdminOriginMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!Paths.IsAdmin(context.Request.Path) || IsSameOrigin(context.Request)) return next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site") return false;
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}

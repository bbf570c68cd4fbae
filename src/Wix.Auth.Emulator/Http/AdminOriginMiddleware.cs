using Wix.Auth.Emulator.Endpoints;

namespace Wix.Auth.Emulator.Http;

/// <summary>
/// The admin API (<c>/_emulator</c>) answers only non-browser clients and pages of its own origin, reached by a name it
/// listens on (<see cref="ListeningAuthorities"/>). It gets 403 and no CORS headers, preflights included, when a browser
/// says the request comes from another origin (<c>Origin</c> or <c>Sec-Fetch-Site</c>), and when <c>Host</c> is not a
/// name the emulator listens on: a DNS-rebinding page (<c>evil.example</c> resolved to 127.0.0.1) is same-origin with
/// itself, so only its <c>Host</c> gives it away.
/// </summary>
internal sealed class AdminOriginMiddleware(RequestDelegate next, ListeningAuthorities listening)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!Paths.IsAdmin(context.Request.Path) || IsOwn(context.Request)) return next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private bool IsOwn(HttpRequest request)
    {
        if (!listening.Contains(request.Scheme, request.Host)) return false;
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site") return false;
        // Compared with where the emulator listens, never with Host, which the page's own name sets.
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || listening.ContainsOrigin(origin);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wix.Auth.AspNetCore.Pages;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// Runs first on every endpoint of <c>MapWixAuth</c>: a request whose <c>Host</c> is not one of the site's origins
/// (<see cref="SiteOrigins"/>) gets 400 before any limit counts it, any cookie is read or Wix is called — links and
/// redirect URIs are never built for a host the client chose. A site with no origin at all (a wildcard listener and no
/// <see cref="WixAuthWebOptions.PublicOrigin"/>) is misconfigured: 500, logged once at Error with the fix.
/// </summary>
internal sealed class KnownHostFilter(SiteOrigins origins, ILogger<KnownHostFilter> logger) : IEndpointFilter
{
    private int misconfigurationLogged;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (origins.OriginOf(context.Request) is not null) return next(invocation);
        if (!origins.IsConfigured)
        {
            if (Interlocked.Exchange(ref misconfigurationLogged, 1) == 0)
                logger.LogError("Member login needs the site's public origin: the server listens on no concrete address. Set WixAuthWebOptions.PublicOrigin (e.g. https://shop.example).");
            return ValueTask.FromResult<object?>(HtmlPage.Render(context, "Site not set up",
                "<p role=\"alert\">Member login is not set up on this site yet. Please tell the site's owner.</p>",
                StatusCodes.Status500InternalServerError));
        }
        logger.LogWarning("Refused a login request for an unknown host.");
        return ValueTask.FromResult<object?>(HtmlPage.Render(context, "Unknown address",
            "<p role=\"alert\">This site is not served at the address you used.</p>", StatusCodes.Status400BadRequest));
    }
}

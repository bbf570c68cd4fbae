using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>Where <c>MapWixAuth</c> put the endpoints, and the absolute URLs built from that and the site's configured origin.</summary>
internal sealed class WixAuthRoutes(IOptions<WixAuthWebOptions> options, SiteOrigins origins)
{
    /// <summary>The route prefix given to <c>MapWixAuth</c>, e.g. <c>/auth</c>; null until it is called.</summary>
    public string? Prefix { get; set; }

    /// <summary>The prefix as the browser sees it (the app's path base included): the pending-login cookie's path.</summary>
    public string PathOf(HttpRequest request) => request.PathBase + (Prefix ?? "");

    /// <summary>The local path of the login endpoint.</summary>
    public string LoginPath(HttpRequest request) => PathOf(request) + "/login";

    /// <summary>The redirect URI Wix sends the member back to, for the configured response mode.</summary>
    public string RedirectUri(HttpRequest request) =>
        Origin(request) + PathOf(request) + (options.Value.ResponseMode == ResponseMode.Query ? "/callback" : "/callback-fragment");

    /// <summary>The absolute form of a local path on this site.</summary>
    public string Absolute(HttpRequest request, string localPath) => Origin(request) + request.PathBase + localPath;

    /// <summary>The absolute URL of this request as the site names it (its configured origin), query included, in one string.</summary>
    public string AbsoluteWithQuery(HttpRequest request) =>
        string.Concat(Origin(request), request.PathBase.ToUriComponent(), request.Path.ToUriComponent(), request.QueryString.ToUriComponent());

    // KnownHostFilter has refused every request whose Host is not the site's before an endpoint asks.
    private string Origin(HttpRequest request) =>
        origins.OriginOf(request) ?? throw new InvalidOperationException("The request's host is not one of the site's origins.");
}

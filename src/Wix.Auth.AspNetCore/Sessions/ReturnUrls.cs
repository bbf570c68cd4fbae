using LanguageExt;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Endpoints;
using Wix.Auth.Core.Urls;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// Where a member goes after login: the <c>returnUrl</c> when the core's one policy (<see cref="ReturnUrl"/>) accepts it —
/// local, on this site's origin, or on <see cref="WixAuthOptions.AllowedRedirectOrigins"/> — else the default page.
/// </summary>
internal sealed class ReturnUrls(WixAuthRoutes routes, IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix)
{
    /// <summary>The Location-safe form of <paramref name="returnUrl"/> when allowed, else the site's default return path.</summary>
    public string OrDefault(HttpRequest request, string? returnUrl) =>
        ReturnUrl.Check(returnUrl ?? "", routes.RedirectUri(request), LanguageExt.Prelude.toSeq(wix.Value.AllowedRedirectOrigins))
            .IfLeft(Default(request));

    /// <summary>The site's default return path, under the request's path base.</summary>
    public string Default(HttpRequest request) => request.PathBase + web.Value.DefaultReturnPath;
}

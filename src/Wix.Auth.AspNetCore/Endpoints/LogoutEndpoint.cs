using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/logout</c> (antiforgery token required, so no other site can log a member out): the logout Redirect
/// Session, the session's tokens cleared and its cookie ended, then 302 to Wix's logout URL, which comes back to the site.
/// </summary>
internal static class LogoutEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IAntiforgery antiforgery, WixAuthClient client, MemberSessionCookie sessionCookie, WixAuthRoutes routes,
        IOptions<WixAuthWebOptions> web)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (await FormInput.ReadAsync(context) is null || !await antiforgery.IsRequestValidAsync(context))
            return HtmlPage.Render(context, "Logout refused",
                "<p role=\"alert\">This logout request did not come from this site's logout button. Go back, reload the page and try again.</p>",
                StatusCodes.Status400BadRequest);

        var home = context.Request.PathBase + web.Value.DefaultReturnPath;
        // Even when Wix cannot be reached the flow clears the tokens and returns the post-logout URL: the local session always ends.
        var logoutUrl = await client.LogoutAsync(routes.Absolute(context.Request, web.Value.DefaultReturnPath), routes.RedirectUri(context.Request), context.RequestAborted);
        sessionCookie.End(context.Response);
        return Results.Redirect(logoutUrl.Match(url => url, _ => home));
    }
}

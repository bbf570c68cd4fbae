using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Endpoints;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.AspNetCore.Pages;

/// <summary>Answers a failed login with the error page, linking to the login endpoint and the site's default page.</summary>
internal sealed class AuthFailure(WixAuthRoutes routes, IOptions<WixAuthWebOptions> web)
{
    /// <summary>The error page for <paramref name="error"/>.</summary>
    public IResult Page(HttpContext context, AuthError error) =>
        AuthErrorPage.Render(context, error, routes.LoginPath(context.Request), context.Request.PathBase + web.Value.DefaultReturnPath);
}

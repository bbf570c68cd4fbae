using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wix.Auth.AspNetCore.Endpoints;

namespace Wix.Auth.AspNetCore;

/// <summary>Maps the member-login endpoints.</summary>
public static class WixAuthEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET {prefix}/login</c>, <c>GET {prefix}/callback</c>, <c>GET|POST {prefix}/callback-fragment</c> and
    /// <c>POST {prefix}/logout</c>, and the site's own forms: <c>POST {prefix}/member/login|register|verify|reset|recover</c>
    /// (<see cref="WixAuthWebOptions.MemberFormsPath"/> renders them). Needs <c>services.AddWixAuth(…).AddAspNetCore()</c>.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The route prefix, e.g. <c>/auth</c>; the redirect URI registered at Wix is <c>{origin}{prefix}/callback</c>.</param>
    public static RouteGroupBuilder MapWixAuth(this IEndpointRouteBuilder endpoints, string prefix = "/auth")
    {
        var routes = endpoints.ServiceProvider.GetService<WixAuthRoutes>()
            ?? throw new InvalidOperationException("MapWixAuth needs services.AddWixAuth(...).AddAspNetCore().");
        routes.Prefix = "/" + prefix.Trim('/');
        var group = endpoints.MapGroup(routes.Prefix).ExcludeFromDescription()
            .AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<KnownHostFilter>());
        var loginLimit = endpoints.ServiceProvider.GetRequiredService<LoginRateLimit>();
        group.MapGet("/login", LoginEndpoint.GetAsync).AddEndpointFilter(loginLimit);
        // Posted with its antiforgery token, which the endpoint checks itself so that a refusal is a page.
        group.MapPost("/login", LoginEndpoint.PostAsync).DisableAntiforgery().AddEndpointFilter(loginLimit);
        group.MapGet("/callback", CallbackEndpoints.QueryAsync);
        group.MapGet("/callback-fragment", CallbackEndpoints.FragmentPage);
        // These read the form themselves and check its antiforgery token explicitly, answering with a page, not a bare 400.
        group.MapPost("/callback-fragment", CallbackEndpoints.FragmentPostAsync).DisableAntiforgery();
        group.MapPost("/logout", LogoutEndpoint.HandleAsync).DisableAntiforgery();
        // The forms check their antiforgery token themselves too, answering with a page rather than a bare 400.
        var forms = group.MapGroup("/member").DisableAntiforgery().AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<FormRateLimit>());
        forms.MapPost("/login", (HttpContext context, MemberFormEndpoints f) => f.LoginAsync(context));
        forms.MapPost("/register", (HttpContext context, MemberFormEndpoints f) => f.RegisterAsync(context));
        forms.MapPost("/verify", (HttpContext context, MemberFormEndpoints f) => f.VerifyAsync(context));
        forms.MapPost("/reset", (HttpContext context, MemberFormEndpoints f) => f.ResetAsync(context));
        forms.MapPost("/recover", (HttpContext context, MemberFormEndpoints f) => f.RecoverAsync(context));
        return group;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore;
using Wix.Auth.Emulator;

namespace Wix.Auth.Load.Sites;

/// <summary>How a site authenticates each request of a logged-in member: the four sides of the comparison.</summary>
internal enum RequestVariant
{
    /// <summary>(a) ASP.NET Core cookie authentication, the whole ticket (claims and tokens) in the cookie.</summary>
    CookieTicket,

    /// <summary>(b) Cookie authentication with an <see cref="ITicketStore"/> in Redis: only a key in the cookie.</summary>
    CookieRedisTicketStore,

    /// <summary>(c) This library's member session (cookie, session store, scheme), the store in memory.</summary>
    MemberInMemory,

    /// <summary>(c) The member session with <c>AddRedis</c>.</summary>
    MemberRedis,
}

/// <summary>
/// The same site for each <see cref="RequestVariant"/>: one page for members, <c>GET /page</c>, the same short text, behind
/// <c>RequireAuthorization()</c>. Members log in the way each variant does: ours through the real login endpoints against
/// the emulator; cookie authentication through <c>/_bench/signin</c>, which signs in with the member's claims and the
/// tokens the emulator gave ours, stored in the ticket as a site using OpenID Connect with <c>SaveTokens</c> does.
/// </summary>
internal static class RequestSite
{
    public const string PagePath = "/page";
    public const string SignInPath = "/_bench/signin";
    public const string PageText = "Hello, member.";

    public static bool UsesRedis(this RequestVariant variant) => variant is RequestVariant.CookieRedisTicketStore or RequestVariant.MemberRedis;

    public static bool IsOurs(this RequestVariant variant) => variant is RequestVariant.MemberInMemory or RequestVariant.MemberRedis;

    /// <summary>Starts the site on a free loopback port.</summary>
    /// <param name="wixApi">The emulator our login endpoints talk to (ours only).</param>
    /// <param name="redis">The Redis connection string (the Redis variants only).</param>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(RequestVariant variant, Uri wixApi, string? redis)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (variant.UsesRedis() && string.IsNullOrEmpty(redis)) throw new ArgumentException($"{variant} needs --redis.");

        if (variant.IsOurs())
        {
            var wix = builder.Services.AddWixAuth(o =>
            {
                o.ClientId = DemoData.ClientId;
                o.ApiBaseUrl = wixApi;
            }).AddAspNetCore(web => web.LoginsPerMinute = web.LoginsPerClientPerMinute = 1_000_000);
            if (variant == RequestVariant.MemberRedis) wix.AddRedis(redis!);
        }
        else
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
            {
                // As the member session cookie: HttpOnly, SameSite=Lax, sliding, 14 days.
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            });
            if (variant == RequestVariant.CookieRedisTicketStore)
            {
                builder.Services.AddStackExchangeRedisCache(o => o.Configuration = redis);
                builder.Services.AddSingleton<ITicketStore, DistributedCacheTicketStore>();
                builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
                    .Configure<ITicketStore>((o, store) => o.SessionStore = store);
            }
            builder.Services.AddAuthorization();
        }

        var app = builder.Build();
        app.MapGet(PagePath, () => Results.Text(PageText)).RequireAuthorization();
        if (variant.IsOurs()) app.MapWixAuth("/auth");
        else app.MapGet(SignInPath, SignInAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    // The member's claims as ours has them (a name identifier and a session claim) and the member's tokens.
    private static async Task SignInAsync(HttpContext context, string access, string refresh)
    {
        var member = Guid.NewGuid().ToString("N");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, member), new Claim("wix:session", member)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties();
        properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = access }, new AuthenticationToken { Name = "refresh_token", Value = refresh }]);
        await context.SignInAsync(new ClaimsPrincipal(identity), properties);
    }
}

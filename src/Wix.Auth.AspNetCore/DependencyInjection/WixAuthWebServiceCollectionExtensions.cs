using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore;
using Wix.Auth.AspNetCore.Endpoints;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Urls;
using Wix.Auth;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;


namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of Wix member login for an ASP.NET Core site: <c>services.AddWixAuth(…).AddAspNetCore()</c>.</summary>
public static class WixAuthWebServiceCollectionExtensions
{
    /// <summary>
    /// Makes the client registered by <c>AddWixAuth</c> a web site's: the member's session taken
    /// from the session cookie, the endpoints' services, Data Protection, antiforgery, and the <see cref="WixMemberDefaults.AuthenticationScheme"/>
    /// scheme as the default, so <c>[Authorize]</c> and <c>RequireAuthorization()</c> mean "a logged-in member". Stores are
    /// in memory unless <see cref="WixAuthRedisServiceCollectionExtensions.AddRedis"/> is called.
    /// </summary>
    /// <example><c>services.AddWixAuth(o => o.ClientId = id).AddAspNetCore(web => web.DefaultReturnPath = "/account");</c></example>
    public static WixAuthBuilder AddAspNetCore(this WixAuthBuilder builder, Action<WixAuthWebOptions>? configure = null)
    {
        var services = builder.Services;
        services.AddOptions<WixAuthWebOptions>().Configure(configure ?? (_ => { }))
            .Validate(o => o.SessionCookieName.Length > 0 && o.PendingLoginCookieName.Length > 0 && o.SessionCookieName != o.PendingLoginCookieName,
                "The session and pending-login cookie names must be set and differ.")
            .Validate(o => o.DefaultReturnPath.StartsWith('/') && ReturnUrl.Check(o.DefaultReturnPath, None, []).Exists(safe => safe == o.DefaultReturnPath),
                "DefaultReturnPath must be a local path such as \"/\".")
            .Validate(o => o.PublicOrigin is null || (o.PublicOrigin.IsAbsoluteUri && o.PublicOrigin.Scheme is "http" or "https" && o.PublicOrigin.AbsolutePath == "/"
                    && o.PublicOrigin.Query.Length == 0 && o.PublicOrigin.Fragment.Length == 0 && o.PublicOrigin.UserInfo.Length == 0),
                "PublicOrigin must be an http or https origin such as https://shop.example, with no path.")
            .Validate(o => o.SessionIdleTimeout > TimeSpan.Zero, "SessionIdleTimeout must be positive.")
            .Validate(o => o.LoginsPerClientPerMinute > 0 && o.LoginsPerMinute >= o.LoginsPerClientPerMinute,
                "LoginsPerClientPerMinute must be positive and LoginsPerMinute at least as large.")
            .Validate(o => o.WixTimeBudget > TimeSpan.Zero, "WixTimeBudget must be positive.")
            .Validate(o => o.FormAttemptsPerClientPerMinute > 0, "FormAttemptsPerClientPerMinute must be positive.")
            .Validate(o => o.MemberFormsPath.StartsWith('/') && ReturnUrl.Check(o.MemberFormsPath, None, []).Exists(safe => safe == o.MemberFormsPath),
                "MemberFormsPath must be a local path such as \"/sign-in\".")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<MemberSessionCookie>();
        services.TryAddSingleton<PendingLoginCookie>();
        services.TryAddSingleton<SiteOrigins>();
        services.TryAddSingleton<KnownHostFilter>();
        services.TryAddSingleton<WixAuthRoutes>();
        services.TryAddSingleton<AuthFailure>();
        services.TryAddSingleton<CallbackCompletion>();
        services.TryAddSingleton<LoginStart>();
        services.TryAddSingleton<ReturnUrls>();
        services.TryAddSingleton<LoginRateLimit>();
        services.TryAddSingleton<FormRateLimit>();
        services.TryAddSingleton<VerificationCookie>();
        services.TryAddSingleton<MemberFormEndpoints>();
        // A MemberAuthClient injected by the site keeps the visitor's verification in their cookie, as the endpoints do.
        services.TryAddScoped<IVerificationStore>(sp =>
        {
            var context = sp.GetRequiredService<IHttpContextAccessor>().HttpContext
                ?? throw new InvalidOperationException("The site's own forms keep a visitor's verification in their cookie: use MemberAuthClient within a request.");
            return new CookieVerificationStore(context, sp.GetRequiredService<VerificationCookie>(), sp.GetRequiredService<WixAuthRoutes>().PathOf(context.Request));
        });
        // The in-memory default forgets a member's session after SessionIdleTimeout unused, as Redis does; a store the
        // site chose is left alone.
        if (services.LastOrDefault(d => d.ServiceType == typeof(ISessionStore)) is { IsKeyedService: false, ImplementationType: var type }
            && type == typeof(InMemorySessionStore))
            services.Replace(ServiceDescriptor.Singleton<ISessionStore>(sp => new InMemorySessionStore(
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<WixAuthWebOptions>>().Value.SessionIdleTimeout)));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, StoreOutageStartupFilter>());
        services.Replace(ServiceDescriptor.Singleton<IWixSessionKeyProvider, CookieSessionKeyProvider>());
        services.AddDataProtection();
        services.AddAntiforgery();
        services.AddAuthentication(WixMemberDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, WixMemberAuthenticationHandler>(WixMemberDefaults.AuthenticationScheme, null);
        services.AddAuthorization();
        return builder;
    }
}

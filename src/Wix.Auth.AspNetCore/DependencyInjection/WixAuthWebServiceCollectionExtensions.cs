using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wix.Auth.AspNetCore.Authentication;
using Wix.Auth.AspNetCore.Endpoints;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Urls;
using Wix.Auth.Effects.Client;
using static LanguageExt.Prelude;
using Wix.Auth.Effects.DependencyInjection;
using EffectsRegistration = Wix.Auth.Effects.DependencyInjection.WixAuthServiceCollectionExtensions;

namespace Wix.Auth.AspNetCore;

/// <summary>Registration of Wix member login for an ASP.NET Core site. Import this namespace rather than the effects layer's.</summary>
public static class WixAuthWebServiceCollectionExtensions
{
    /// <summary>Registers member login for a web site with the default web options.</summary>
    public static IServiceCollection AddWixAuth(this IServiceCollection services, Action<WixAuthOptions> configure) =>
        services.AddWixAuth(configure, _ => { });

    /// <summary>
    /// Registers the effects layer's client (<see cref="EffectsRegistration.AddWixAuth"/>) with the member's session taken
    /// from the session cookie, the endpoints' services, Data Protection, antiforgery, and the <see cref="WixMemberDefaults.AuthenticationScheme"/>
    /// scheme as the default, so <c>[Authorize]</c> and <c>RequireAuthorization()</c> mean "a logged-in member". Stores are
    /// in memory unless <see cref="WixAuthRedisServiceCollectionExtensions.AddWixAuthRedis"/> is called.
    /// </summary>
    public static IServiceCollection AddWixAuth(this IServiceCollection services, Action<WixAuthOptions> configure, Action<WixAuthWebOptions> configureWeb)
    {
        services.AddOptions<WixAuthWebOptions>().Configure(configureWeb)
            .Validate(o => o.SessionCookieName.Length > 0 && o.PendingLoginCookieName.Length > 0 && o.SessionCookieName != o.PendingLoginCookieName,
                "The session and pending-login cookie names must be set and differ.")
            .Validate(o => o.DefaultReturnPath.StartsWith('/') && ReturnUrl.Check(o.DefaultReturnPath, None, []).Exists(safe => safe == o.DefaultReturnPath),
                "DefaultReturnPath must be a local path such as \"/\".")
            .Validate(o => o.SessionIdleTimeout > TimeSpan.Zero, "SessionIdleTimeout must be positive.")
            .Validate(o => o.LoginsPerClientPerMinute > 0 && o.LoginsPerMinute >= o.LoginsPerClientPerMinute,
                "LoginsPerClientPerMinute must be positive and LoginsPerMinute at least as large.")
            .Validate(o => o.WixTimeBudget > TimeSpan.Zero, "WixTimeBudget must be positive.")
            .ValidateOnStart();
        EffectsRegistration.AddWixAuth(services, configure);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<MemberSessionCookie>();
        services.TryAddSingleton<PendingLoginCookie>();
        services.TryAddSingleton<WixAuthRoutes>();
        services.TryAddSingleton<AuthFailure>();
        services.TryAddSingleton<CallbackCompletion>();
        services.TryAddSingleton<ReturnUrls>();
        services.TryAddSingleton<LoginRateLimit>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, StoreOutageStartupFilter>());
        services.Replace(ServiceDescriptor.Singleton<IWixSessionKeyProvider, CookieSessionKeyProvider>());
        services.AddDataProtection();
        services.AddAntiforgery();
        services.AddAuthentication(WixMemberDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, WixMemberAuthenticationHandler>(WixMemberDefaults.AuthenticationScheme, null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>Sends the current member's access token (refreshed when due) with every request of this <see cref="HttpClient"/>.</summary>
    public static IHttpClientBuilder AddWixMemberTokens(this IHttpClientBuilder builder) => EffectsRegistration.AddWixMemberTokens(builder);
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using Wix.Auth.Blazor;
using Wix.Auth;
using Wix.Auth.Effects.Ports;

// Registration lives where IServiceCollection does, as for AddWixAuth.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the browser host.</summary>
public static class WixBlazorServiceCollectionExtensions
{
    /// <summary>
    /// Makes the registered Wix client a browser's: the session's state in Web Storage (<see cref="BrowserSessionStore"/>),
    /// pending logins and a verification waiting for its code in the tab's <c>sessionStorage</c> (<see cref="BrowserPendingLoginStore"/>), <see cref="WixBrowserLogin"/>
    /// for login, callback and logout, and Blazor's authorization with <see cref="WixAuthenticationStateProvider"/>. Calls to
    /// Wix go through the browser's fetch, as every <see cref="HttpClient"/> in WebAssembly does; add the member's token to
    /// the app's own clients with <c>AddWixMemberTokens()</c>.
    /// </summary>
    /// <example><c>builder.Services.AddWixAuth(o => o.ClientId = id).AddBlazor(b => b.TokenStorage = BrowserStorage.Local);</c></example>
    public static WixAuthBuilder AddBlazor(this WixAuthBuilder builder, Action<WixBrowserAuthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WixBrowserAuthOptions>().Configure(configure ?? (_ => { }));
        services.TryAddSingleton(sp => new BrowserSessionStore(sp.GetRequiredService<IJSRuntime>(), sp.GetRequiredService<IOptions<WixBrowserAuthOptions>>().Value.TokenStorage));
        services.Replace(ServiceDescriptor.Singleton<ISessionStore>(sp => sp.GetRequiredService<BrowserSessionStore>()));
        // The app runs in one browser for one visitor: one session, in that browser's storage.
        services.Replace(ServiceDescriptor.Singleton<IWixSessionKeyProvider, SingleSessionKey>());
        services.Replace(ServiceDescriptor.Singleton<IPendingLoginStore>(sp => new BrowserPendingLoginStore(sp.GetRequiredService<IJSRuntime>(), sp.GetRequiredService<TimeProvider>())));
        services.TryAddScoped(sp => new LoginTickets(sp.GetRequiredService<IJSRuntime>()));
        services.TryAddScoped<IVerificationStore>(sp => new BrowserVerificationStore(sp.GetRequiredService<IJSRuntime>()));
        services.TryAddScoped(sp => new WixBrowserLogin(
            sp.GetRequiredService<WixAuthClient>(), sp.GetRequiredService<NavigationManager>(), sp.GetRequiredService<LoginTickets>(),
            sp.GetRequiredService<IOptions<WixBrowserAuthOptions>>(), sp.GetRequiredService<IOptions<WixAuthOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IJSRuntime>()));
        services.AddAuthorizationCore();
        services.AddCascadingAuthenticationState();
        services.TryAddScoped<AuthenticationStateProvider>(sp => new WixAuthenticationStateProvider(sp.GetRequiredService<BrowserSessionStore>()));
        return builder;
    }
}

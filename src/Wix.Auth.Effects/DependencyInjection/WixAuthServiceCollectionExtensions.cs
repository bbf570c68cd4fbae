using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Ports;


// Registration lives where IServiceCollection does, so no using is needed and no combination of usings makes it ambiguous.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the Wix login client and its ports.</summary>
public static class WixAuthServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that talks to Wix's auth endpoints.</summary>
    public const string WixApiHttpClient = "Wix.Auth.Api";

    /// <summary>
    /// Registers <see cref="WixAuthClient"/> (scoped; its session key from <see cref="IWixSessionKeyProvider"/>, which the host
    /// chooses: <c>.AddAspNetCore()</c>, <c>.AddBlazor()</c> or <see cref="AddSingleUserSession"/>; start-up fails without one) and its
    /// <see cref="WixAuthClientFactory"/>,
    /// <see cref="IWixApi"/> over <c>IHttpClientFactory</c>, in-memory stores unless others are registered first,
    /// a shared <see cref="RefreshCoordinator"/>, validated <see cref="WixAuthOptions"/> (checked at start-up), and
    /// <see cref="MemberAuthClient"/> (scoped) for the site's own login and sign-up forms.
    /// </summary>
    /// <returns>The builder for the rest: stores, the web host.</returns>
    public static WixAuthBuilder AddWixAuth(this IServiceCollection services, Action<WixAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        // Whose session a client serves is the host's explicit choice: without one, start-up fails and names the fix.
        services.AddOptions<WixAuthOptions>().Configure(configure)
            .Validate<IWixSessionKeyProvider>((_, keys) => keys is not UnchosenSessionKey, UnchosenSessionKey.Message)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixAuthOptions>, WixAuthOptionsValidator>());
        // Each call is logged once by the library (kind, path, status, request ID; Debug, a failure at Warning), so the
        // factory's own four lines per call (two of them Information, with the URL) are not added.
        // Each attempt is bounded by WixAuthOptions.AttemptTimeout, so HttpClient's own timer (100 s) is not added to it.
        // Wix's API answers where it is asked: a redirect is an answer to read, never a request sent on (with the token) elsewhere.
        services.AddHttpClient(WixApiHttpClient).RemoveAllLoggers().ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => NoRedirects(handler));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEntropySource, CryptographicEntropy>();
        services.TryAddSingleton<IPendingLoginStore>(sp => new InMemoryPendingLoginStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISessionStore, InMemorySessionStore>();
        services.TryAddSingleton<RefreshCoordinator>();
        services.TryAddSingleton<IWixSessionKeyProvider, UnchosenSessionKey>();
        services.TryAddSingleton<IWixApi>(sp => new WixHttpApi(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WixApiHttpClient),
            sp.GetRequiredService<IOptions<WixAuthOptions>>().Value,
            sp.GetRequiredService<ILogger<WixHttpApi>>()));
        services.TryAddSingleton<WixAuthClientFactory>();
        services.TryAddScoped(sp => sp.GetRequiredService<WixAuthClientFactory>().Create(sp.GetRequiredService<IWixSessionKeyProvider>().CurrentSessionKey()));
        // The site's own forms: the same HTTP client and options, the scope's session for the access token.
        services.TryAddSingleton<IMemberAuthApi>(sp => new MemberAuthHttpApi(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WixApiHttpClient),
            sp.GetRequiredService<IOptions<WixAuthOptions>>().Value,
            sp.GetRequiredService<ILogger<MemberAuthHttpApi>>()));
        // The verification waiting for a mailed code is kept where the host chose (AddSingleUserSession, AddBlazor, AddAspNetCore).
        services.TryAddScoped(sp => new MemberAuthClient(sp.GetRequiredService<WixAuthClient>(), sp.GetRequiredService<IMemberAuthApi>(),
            sp.GetRequiredService<IOptions<WixAuthOptions>>().Value, sp.GetRequiredService<ILogger<MemberAuthClient>>(),
            sp.GetRequiredService<IVerificationStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IEntropySource>(), null));
        services.TryAddScoped(sp => new ExternalLoginClient(sp.GetRequiredService<WixAuthClient>(), sp.GetRequiredService<IMemberAuthApi>(),
            sp.GetRequiredService<TimeProvider>()));
        // Handlers outlive the request scope (IHttpClientFactory pools them), so the client is made per call for the
        // session current at that moment.
        services.TryAddTransient(sp =>
        {
            var (factory, keys) = (sp.GetRequiredService<WixAuthClientFactory>(), sp.GetRequiredService<IWixSessionKeyProvider>());
            return new WixAuthHandler(() => factory.Create(keys.CurrentSessionKey()));
        });
        return new WixAuthBuilder(services);
    }

    /// <summary>
    /// <see cref="AddWixAuth(IServiceCollection, Action{WixAuthOptions})"/> with every option bound from
    /// <paramref name="configuration"/> (a section such as <c>Wix</c>: <c>ClientId</c>, <c>ApiBaseUrl</c>,
    /// <c>RedirectUri</c>, <c>PostLogoutRedirectUri</c>, <c>AllowedRedirectOrigins</c>, <c>PendingLoginTtl</c>, …), then
    /// <paramref name="configure"/>, when given, for what code decides.
    /// </summary>
    /// <example><c>builder.Services.AddWixAuth(builder.Configuration.GetSection("Wix")).AddAspNetCore();</c></example>
    public static WixAuthBuilder AddWixAuth(this IServiceCollection services, IConfiguration configuration, Action<WixAuthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddWixAuth(options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>
    /// One session for the whole process (<see cref="SingleSessionKey"/>), and its one pending verification in memory: a console,
    /// native or background app that acts for one member. Never on a web site, where every visitor would be that member: there, <c>.AddAspNetCore()</c>.
    /// </summary>
    /// <example><c>services.AddWixAuth(o => o.ClientId = id).AddSingleUserSession().AddFileSessionStore();</c></example>
    public static WixAuthBuilder AddSingleUserSession(this WixAuthBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IWixSessionKeyProvider, SingleSessionKey>());
        builder.Services.TryAddSingleton<IVerificationStore, InMemoryVerificationStore>();
        return builder;
    }

    /// <summary>Adds the token-attaching, refreshing <see cref="WixAuthHandler"/> to an <see cref="HttpClient"/> for Wix APIs.</summary>
    public static IHttpClientBuilder AddWixMemberTokens(this IHttpClientBuilder builder) => builder.AddHttpMessageHandler<WixAuthHandler>();

    private static void NoRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler h: h.AllowAutoRedirect = false; break;
            case SocketsHttpHandler h: h.AllowAutoRedirect = false; break;
        }
    }
}

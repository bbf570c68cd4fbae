using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Handler;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Effects.Storage;

namespace Wix.Auth.Effects.DependencyInjection;

/// <summary>Registration of the Wix login client and its ports.</summary>
public static class WixAuthServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that talks to Wix's auth endpoints.</summary>
    public const string WixApiHttpClient = "Wix.Auth.Api";

    /// <summary>
    /// Registers <see cref="WixAuthClient"/> (scoped; its session key from <see cref="IWixSessionKeyProvider"/>) and its
    /// <see cref="WixAuthClientFactory"/>,
    /// <see cref="IWixApi"/> over <c>IHttpClientFactory</c>, in-memory stores unless others are registered first,
    /// a shared <see cref="RefreshCoordinator"/>, and validated <see cref="WixAuthOptions"/> (checked at start-up).
    /// </summary>
    public static IServiceCollection AddWixAuth(this IServiceCollection services, Action<WixAuthOptions> configure)
    {
        services.AddOptions<WixAuthOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixAuthOptions>, WixAuthOptionsValidator>());
        services.AddHttpClient(WixApiHttpClient);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEntropySource, CryptographicEntropy>();
        services.TryAddSingleton<IPendingLoginStore>(sp => new InMemoryPendingLoginStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITokenStore, InMemoryTokenStore>();
        services.TryAddSingleton<RefreshCoordinator>();
        services.TryAddSingleton<IWixSessionKeyProvider, SingleSessionKey>();
        services.TryAddSingleton<IWixApi>(sp => new WixHttpApi(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WixApiHttpClient),
            sp.GetRequiredService<IOptions<WixAuthOptions>>().Value,
            sp.GetRequiredService<ILogger<WixHttpApi>>()));
        services.TryAddSingleton<WixAuthClientFactory>();
        services.TryAddScoped(sp => sp.GetRequiredService<WixAuthClientFactory>().Create(sp.GetRequiredService<IWixSessionKeyProvider>().CurrentSessionKey()));
        // Handlers outlive the request scope (IHttpClientFactory pools them), so the client is made per call for the
        // session current at that moment.
        services.TryAddTransient(sp =>
        {
            var (factory, keys) = (sp.GetRequiredService<WixAuthClientFactory>(), sp.GetRequiredService<IWixSessionKeyProvider>());
            return new WixAuthHandler(() => factory.Create(keys.CurrentSessionKey()));
        });
        return services;
    }

    /// <summary>Adds the token-attaching, refreshing <see cref="WixAuthHandler"/> to an <see cref="HttpClient"/> for Wix APIs.</summary>
    public static IHttpClientBuilder AddWixMemberTokens(this IHttpClientBuilder builder) => builder.AddHttpMessageHandler<WixAuthHandler>();
}

/// <summary>Which session's tokens the current scope uses: a web host answers with the member's session cookie.</summary>
public interface IWixSessionKeyProvider
{
    /// <summary>The session key of the current scope.</summary>
    string CurrentSessionKey();
}

/// <summary>One session for the whole process: console apps and services acting for one user.</summary>
public sealed class SingleSessionKey : IWixSessionKeyProvider
{
    /// <inheritdoc />
    public string CurrentSessionKey() => WixAuthClient.DefaultSessionKey;
}

/// <summary>Reports every problem of <see cref="WixAuthOptions"/> at once, at start-up.</summary>
internal sealed class WixAuthOptionsValidator : IValidateOptions<WixAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, WixAuthOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Storage;

/// <summary>
/// Registration of the persistent stores in place of the in-memory defaults. They replace whatever
/// <see cref="ITokenStore"/> / <see cref="IPendingLoginStore"/> is registered, so they may be called before or after
/// <c>AddWixAuth</c>.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Keeps tokens in a <see cref="FileTokenStore"/> at <paramref name="path"/> (null: its default path).</summary>
    public static IServiceCollection AddWixFileTokenStore(this IServiceCollection services, string? path = null) =>
        services.Replace(ServiceDescriptor.Singleton<ITokenStore>(sp => new FileTokenStore(path, sp.GetService<ILogger<FileTokenStore>>())));

    /// <summary>
    /// Keeps tokens and pending logins in the registered <see cref="IDistributedCache"/> (register one, e.g.
    /// <c>AddStackExchangeRedisCache</c>), so every instance of a site shares them.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tokenEntryOptions">Expiration of token entries; none by default.</param>
    public static IServiceCollection AddWixDistributedCacheStores(this IServiceCollection services, DistributedCacheEntryOptions? tokenEntryOptions = null)
    {
        services.Replace(ServiceDescriptor.Singleton<ITokenStore>(sp => new DistributedCacheTokenStore(sp.GetRequiredService<IDistributedCache>(), tokenEntryOptions)));
        services.Replace(ServiceDescriptor.Singleton<IPendingLoginStore>(sp => new DistributedCachePendingLoginStore(sp.GetRequiredService<IDistributedCache>())));
        return services;
    }
}

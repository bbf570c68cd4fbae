using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Wix.Auth.Effects.DependencyInjection;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Effects.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registration of the persistent stores in place of the in-memory defaults. They replace whatever
/// <see cref="ITokenStore"/> / <see cref="IPendingLoginStore"/> is registered.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Keeps tokens in a <see cref="FileTokenStore"/> at <paramref name="path"/> (null: its default path).</summary>
    public static WixAuthBuilder AddFileTokenStore(this WixAuthBuilder builder, string? path = null)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<ITokenStore>(sp => new FileTokenStore(path, sp.GetService<ILogger<FileTokenStore>>())));
        return builder;
    }

    /// <summary>
    /// Keeps tokens and pending logins in the registered <see cref="IDistributedCache"/> (register one, e.g.
    /// <c>AddStackExchangeRedisCache</c>), so every instance of a site shares them.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="tokenEntryOptions">Expiration of token entries; none by default.</param>
    public static WixAuthBuilder AddDistributedCacheStores(this WixAuthBuilder builder, DistributedCacheEntryOptions? tokenEntryOptions = null)
    {
        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton<ITokenStore>(sp => new DistributedCacheTokenStore(sp.GetRequiredService<IDistributedCache>(), tokenEntryOptions)));
        services.Replace(ServiceDescriptor.Singleton<IPendingLoginStore>(sp => new DistributedCachePendingLoginStore(sp.GetRequiredService<IDistributedCache>())));
        return builder;
    }
}

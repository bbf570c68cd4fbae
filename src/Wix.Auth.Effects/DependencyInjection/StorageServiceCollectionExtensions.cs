using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Wix.Auth;
using Wix.Auth.Effects.Ports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registration of the persistent stores in place of the in-memory defaults. They replace whatever
/// <see cref="ISessionStore"/> / <see cref="IPendingLoginStore"/> is registered.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Keeps tokens in a <see cref="FileSessionStore"/> at <paramref name="path"/> (null: its default path).</summary>
    public static WixAuthBuilder AddFileSessionStore(this WixAuthBuilder builder, string? path = null)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<ISessionStore>(sp => new FileSessionStore(path, sp.GetService<ILogger<FileSessionStore>>())));
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
        services.Replace(ServiceDescriptor.Singleton<ISessionStore>(sp => new DistributedCacheSessionStore(sp.GetRequiredService<IDistributedCache>(), tokenEntryOptions)));
        services.Replace(ServiceDescriptor.Singleton<IPendingLoginStore>(sp => new DistributedCachePendingLoginStore(sp.GetRequiredService<IDistributedCache>())));
        return builder;
    }
}

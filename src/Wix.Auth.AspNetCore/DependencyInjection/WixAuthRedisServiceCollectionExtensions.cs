using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Wix.Auth.Effects.Storage;
using StackExchange.Redis;
using Wix.Auth.AspNetCore.Storage;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore;

/// <summary>Shared state for a site on many instances.</summary>
public static class WixAuthRedisServiceCollectionExtensions
{
    /// <summary>The Redis key of the shared Data Protection key ring.</summary>
    public const string DataProtectionKey = "wix:data-protection-keys";

    /// <summary>
    /// Keeps pending logins, members' tokens and the Data Protection key ring in Redis at <paramref name="connectionString"/>,
    /// so a login begun on one instance completes on any other and sessions survive restarts. Call after <c>AddWixAuth</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <param name="applicationName">The Data Protection application name; every instance of the site must use the same one.</param>
    public static IServiceCollection AddWixAuthRedis(this IServiceCollection services, string connectionString, string applicationName = "Wix.Auth")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // One multiplexer for the cache, the key ring and the pending logins; connected on first use, not at registration.
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConnection.Options(connectionString)));
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddDataProtection().SetApplicationName(applicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
            o.XmlRepository = new RedisXmlRepository(() => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), DataProtectionKey));
        services.Replace(ServiceDescriptor.Singleton<ITokenStore>(sp => new DistributedCacheTokenStore(
            sp.GetRequiredService<IDistributedCache>(),
            new DistributedCacheEntryOptions { SlidingExpiration = sp.GetRequiredService<IOptions<WixAuthWebOptions>>().Value.SessionIdleTimeout })));
        services.Replace(ServiceDescriptor.Singleton<IPendingLoginStore, RedisPendingLoginStore>());
        return services;
    }
}

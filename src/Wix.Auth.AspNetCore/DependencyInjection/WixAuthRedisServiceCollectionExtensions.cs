using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wix.Auth.AspNetCore.Storage;
using Wix.Auth;
using Wix.Auth.Effects.Ports;

using Wix.Auth.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shared state for a site on many instances.</summary>
public static class WixAuthRedisServiceCollectionExtensions
{
    /// <summary>
    /// Keeps pending logins and members' tokens in Redis at <paramref name="connectionString"/>, so a login begun on one
    /// instance completes on any other and sessions survive restarts of the site, and refreshes a member's tokens under a
    /// lease in Redis, so the instances send one refresh per expiry between them.
    /// </summary>
    /// <remarks>
    /// The Data Protection key ring (which protects antiforgery tokens and the pending verification of the site's own forms) is <b>not</b> put in this Redis:
    /// a cache that may restart empty would make each instance that starts afterwards create a key the others lack. Give
    /// every instance the same durable, encrypted key ring — a file share with a certificate, or a persistent Redis — with
    /// <c>services.AddDataProtection()</c> (docs/web.md, "Operations"); a warning is logged at start-up while it is missing.
    /// </remarks>
    /// <param name="builder">The registration from <c>AddWixAuth</c>.</param>
    /// <param name="connectionString">
    /// A StackExchange.Redis configuration string: one node (<c>localhost:6379</c>) or some nodes of a Redis Cluster
    /// (<c>redis-a:6379,redis-b:6379</c>), which is found and followed through failovers; every key the site uses together
    /// shares a hash slot (docs/web.md, "Keys in Redis").
    /// </param>
    /// <param name="applicationName">The Data Protection application name; every instance of the site must use the same one.</param>
    public static WixAuthBuilder AddRedis(this WixAuthBuilder builder, string connectionString, string applicationName = "Wix.Auth")
    {
        var services = builder.Services;
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // One multiplexer for the sessions, the pending logins and the refresh leases; connected on first use, not at registration.
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConnection.Options(connectionString)));
        services.AddDataProtection().SetApplicationName(applicationName);
        services.AddHostedService<SharedKeyRingCheck>();
        // Sessions in Redis directly, not through IDistributedCache: a read that renews the idle timeout is then one round trip; its writes are
        // fenced by the refresh lease.
        services.Replace(ServiceDescriptor.Singleton<ISessionStore>(sp => new RedisSessionStore(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<WixAuthWebOptions>>().Value.SessionIdleTimeout)));
        services.Replace(ServiceDescriptor.Singleton<IPendingLoginStore, RedisPendingLoginStore>());
        // One refresh per expiry across the farm, not one per instance.
        services.Replace(ServiceDescriptor.Singleton(sp => new RefreshCoordinator(new RedisRefreshLease(sp.GetRequiredService<IConnectionMultiplexer>()))));
        return builder;
    }
}

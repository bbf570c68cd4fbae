using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Wix.Auth.AspNetCore.Health;
using Wix.Auth.Effects.Health;

namespace Wix.Auth.AspNetCore;

/// <summary>Health checks of a site's member login: <c>builder.Services.AddHealthChecks().AddWixAuth()</c>, then <c>app.MapHealthChecks("/healthz")</c>.</summary>
public static class WixAuthWebHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds the check of Wix's token endpoint (<see cref="WixAuthHealthChecksBuilderExtensions.AddWixTokenEndpoint"/>) and,
    /// when <see cref="Microsoft.Extensions.DependencyInjection.WixAuthRedisServiceCollectionExtensions.AddRedis"/> was called before, the check of Redis
    /// (<c>wix-redis</c>, a <c>PING</c> within <paramref name="redisTimeout"/>, default 2 s).
    /// </summary>
    public static IHealthChecksBuilder AddWixAuth(this IHealthChecksBuilder builder,
        Func<WixTokenEndpointHealthCheckOptions, WixTokenEndpointHealthCheckOptions>? tokenEndpoint = null, TimeSpan? redisTimeout = null,
        IEnumerable<string>? tags = null)
    {
        builder.AddWixTokenEndpoint(configure: tokenEndpoint, tags: tags);
        if (builder.Services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
            builder.Add(new HealthCheckRegistration("wix-redis", sp => new RedisStoreHealthCheck(sp, redisTimeout ?? TimeSpan.FromSeconds(2)), null, tags));
        return builder;
    }
}

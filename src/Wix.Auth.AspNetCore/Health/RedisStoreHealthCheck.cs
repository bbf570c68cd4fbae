using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Wix.Auth.AspNetCore.Health;

/// <summary>
/// Whether the Redis that holds pending logins and sessions (<c>AddWixAuthRedis</c>) answers a <c>PING</c> within the
/// timeout. Connecting, on first use, counts against the same timeout.
/// </summary>
internal sealed class RedisStoreHealthCheck(IServiceProvider services, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = Task.Run(async () => await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync().ConfigureAwait(false), cancellationToken);
            var latency = await probe.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis did not answer within {timeout.TotalSeconds:0.###} s.");
        }
        catch (Exception e) when (e is RedisException or InvalidOperationException)
        {
            // The type only: StackExchange.Redis messages can carry the connection string's endpoints and options.
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis failed: {e.GetType().Name}.");
        }
    }
}

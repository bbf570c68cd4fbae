using StackExchange.Redis;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// The farm-wide refresh lease in Redis: a key set only when absent, for the lease's duration, holding a fencing number
/// so each holder is told apart; giving it back deletes the key only while it still holds that holder's number, so an
/// instance whose lease ran out cannot end the lease of the next one. The number is also the lease's
/// <see cref="WriteFence"/>: <see cref="RedisSessionStore"/> refuses a write that carries a smaller one than the session's
/// newest.
/// </summary>
/// <remarks>
/// Fencing numbers only need to grow per session, so they come from the session's own keys (one hash slot on a Redis
/// Cluster) rather than a farm-wide counter, which would be a key in another slot: Redis's clock in microseconds, raised
/// past the number of the session's last write. A lease is granted only when none is live, so its number also passes every
/// earlier lease's. On a failover the numbers keep growing as long as the nodes' clocks agree to well within a lease.
/// </remarks>
internal sealed class RedisRefreshLease(IConnectionMultiplexer redis) : IRefreshLease
{
    // The lease, the session's fence; the lease's duration in ms. Returns the holder's fencing number, or 0 when a lease is live.
    private static readonly LuaScript Acquire = LuaScript.Prepare("""
        if redis.call('EXISTS', @lease) == 1 then return 0 end
        local now = redis.call('TIME')
        local token = math.max(tonumber(now[1]) * 1000000 + tonumber(now[2]), tonumber(redis.call('GET', @written) or '0') + 1)
        redis.call('SET', @lease, string.format('%d', token), 'PX', @duration)
        return token
        """);

    private static readonly LuaScript Release = LuaScript.Prepare("if redis.call('GET', @key) == @token then return redis.call('DEL', @key) else return 0 end");

    public async ValueTask<IHeldRefreshLease?> TryAcquireAsync(string sessionKey, TimeSpan duration, CancellationToken cancellationToken) =>
        await StoreUnavailableException.Guard("take the refresh lease", async () =>
        {
            var database = redis.GetDatabase();
            var key = RedisKeys.Lease(sessionKey);
            var token = (long)await database.ScriptEvaluateAsync(Acquire, new
            {
                lease = (RedisKey)key,
                written = (RedisKey)RedisKeys.Fence(sessionKey),
                duration = (long)duration.TotalMilliseconds,
            }).ConfigureAwait(false);
            return token == 0 ? null : new Held(database, key, token);
        }, cancellationToken).ConfigureAwait(false);

    private sealed class Held(IDatabase database, string key, long token) : IHeldRefreshLease
    {
        public WriteFence Fence { get; } = new(token);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await database.ScriptEvaluateAsync(Release, new { key = (RedisKey)key, token }).ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // Unreachable now: the lease ends by itself when its duration passes.
            }
        }
    }
}

using StackExchange.Redis;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// The farm-wide refresh lease in Redis: <c>SET key token NX PX duration</c>, where the token is a fencing number from
/// <c>INCR</c>, so each holder is told apart; giving it back deletes the key only while it still holds that holder's
/// number, so an instance whose lease ran out cannot end the lease of the next one. The number is also the lease's
/// <see cref="WriteFence"/>: <see cref="RedisSessionStore"/> refuses a write that carries a smaller one than the session's
/// newest.
/// </summary>
internal sealed class RedisRefreshLease(IConnectionMultiplexer redis) : IRefreshLease
{
    /// <summary>The counter every fencing number comes from, lease or unfenced write, so numbers only grow.</summary>
    public const string FenceKey = "wix:refresh-fence";

    private const string Prefix = "wix:refresh-lease:";

    private static readonly LuaScript Release = LuaScript.Prepare("if redis.call('GET', @key) == @token then return redis.call('DEL', @key) else return 0 end");

    /// <summary>The key of <paramref name="sessionKey"/>'s lease, whose value is its holder's fencing number.</summary>
    public static string KeyOf(string sessionKey) => Prefix + sessionKey;

    public async ValueTask<IHeldRefreshLease?> TryAcquireAsync(string sessionKey, TimeSpan duration, CancellationToken cancellationToken) =>
        await StoreUnavailableException.Guard("take the refresh lease", async () =>
        {
            var database = redis.GetDatabase();
            var token = await database.StringIncrementAsync(FenceKey).ConfigureAwait(false);
            var key = KeyOf(sessionKey);
            return await database.StringSetAsync(key, token, duration, When.NotExists).ConfigureAwait(false)
                ? new Held(database, key, token)
                : null;
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

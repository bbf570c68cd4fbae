using StackExchange.Redis;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Effects.Storage;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// Member sessions in Redis, one string key per session that expires after <paramref name="idleTimeout"/> without a
/// request. Every authenticated request reads its session, so the read and the renewal of the idle timeout are one
/// command (<c>GETEX … PX</c>): one round trip per request, where <c>IDistributedCache</c> with a sliding expiration
/// takes two (<c>HMGET</c>, then <c>EXPIRE</c>).
/// </summary>
/// <remarks>
/// Needs Redis 6.2 or later. Writes are retried as <see cref="DistributedCacheSessionStore"/>'s are, so tokens just
/// obtained survive a short stall; a Redis that fails or times out is a <see cref="StoreUnavailableException"/>.
/// </remarks>
internal sealed class RedisSessionStore(IConnectionMultiplexer redis, TimeSpan idleTimeout) : ISessionStore
{
    private const string Prefix = "wix:session:";

    /// <inheritdoc />
    public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        StoreUnavailableException.Guard("read a session", async () =>
        {
            var value = await redis.GetDatabase().StringGetSetExpiryAsync(Prefix + sessionKey, idleTimeout).ConfigureAwait(false);
            return value.IsNullOrEmpty ? null : StoredMapping.DeserializeState((byte[])value!);
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken)
    {
        var value = StoredMapping.Serialize(state);
        return StoreWrites.RetryAsync("write a session", async () =>
            await redis.GetDatabase().StringSetAsync(Prefix + sessionKey, value, idleTimeout).ConfigureAwait(false), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) =>
        await StoreUnavailableException.Guard("clear tokens", async () =>
            await redis.GetDatabase().KeyDeleteAsync(Prefix + sessionKey).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
}

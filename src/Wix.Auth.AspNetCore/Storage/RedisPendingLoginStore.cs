using LanguageExt;
using StackExchange.Redis;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// Pending logins in Redis, expiring with their TTL. Single use holds across instances because Redis deletes a key for
/// exactly one caller — which <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> cannot promise.
/// </summary>
internal sealed class RedisPendingLoginStore(IConnectionMultiplexer redis) : IPendingLoginStore
{
    /// <inheritdoc />
    public async ValueTask SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        await StoreUnavailableException.Guard("save a pending login", async () =>
            await redis.GetDatabase().StringSetAsync(RedisKeys.Pending(pending.Data.State), StoredMapping.Serialize(pending), timeToLive).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask<PendingLogin?> FindAsync(string state, CancellationToken cancellationToken) =>
        StoreUnavailableException.Guard("find a pending login", async () =>
        {
            var value = await redis.GetDatabase().StringGetAsync(RedisKeys.Pending(state)).ConfigureAwait(false);
            return value.IsNullOrEmpty ? null : StoredMapping.DeserializePendingLogin((byte[])value!);
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<PendingLogin?> TakeAsync(string state, CancellationToken cancellationToken) =>
        StoreUnavailableException.Guard("take a pending login", async () =>
        {
            // GETDEL: read and delete in one step, so exactly one caller across every instance gets the entry.
            var value = await redis.GetDatabase().StringGetDeleteAsync(RedisKeys.Pending(state)).ConfigureAwait(false);
            return value.IsNullOrEmpty ? null : StoredMapping.DeserializePendingLogin((byte[])value!);
        }, cancellationToken);
}

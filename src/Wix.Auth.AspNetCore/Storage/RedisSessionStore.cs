using StackExchange.Redis;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// Member sessions in Redis, one string key per session (<see cref="RedisKeys.Session"/>) that expires after <paramref name="idleTimeout"/> without a
/// request. Every authenticated request reads its session, so the read and the renewal of the idle timeout are one
/// command (<c>GETEX … PX</c>): one round trip per request, where <c>IDistributedCache</c> with a sliding expiration
/// takes two (<c>HMGET</c>, then <c>EXPIRE</c>).
/// </summary>
/// <remarks>
/// Writes are fenced (<see cref="WriteFence"/>): beside each session a second key holds the fencing number of the write
/// that made it, and a write decides and writes in one Lua script, so a refresh whose lease ran out while it stalled
/// cannot overwrite what a newer holder, a login or a logout wrote. A logout leaves the fencing number behind for the
/// idle timeout, so a stale refresh cannot bring the session back. Needs Redis 6.2 or later. Writes are retried as
/// <see cref="DistributedCacheSessionStore"/>'s are (the script is idempotent: a retried fenced write is admitted by its
/// own fence; a retried unfenced one takes a new number and writes the same data); a Redis that fails or times out is a
/// <see cref="StoreUnavailableException"/>.
/// </remarks>
internal sealed class RedisSessionStore(IConnectionMultiplexer redis, TimeSpan idleTimeout) : ISessionStore
{
    // The session, its fence, its lease (one hash slot: RedisKeys); the snapshot ('' clears), the write's fencing number
    // (0: unfenced — a login, a logout — so it takes one past the session's last write and live lease, from Redis's clock as
    // a lease does: RedisRefreshLease), the idle timeout in ms. Returns 1 when written, 0 when superseded.
    private static readonly LuaScript Write = LuaScript.Prepare("""
        local fence = tonumber(@fence)
        local written = tonumber(redis.call('GET', @written) or '0')
        local granted = tonumber(redis.call('GET', @lease) or '0')
        if fence == 0 then
          local now = redis.call('TIME')
          fence = math.max(tonumber(now[1]) * 1000000 + tonumber(now[2]), written + 1, granted + 1)
        elseif fence < written or fence < granted then
          return 0
        end
        if @data == '' then redis.call('DEL', @session) else redis.call('SET', @session, @data, 'PX', @idle) end
        redis.call('SET', @written, string.format('%d', fence), 'PX', @idle)
        return 1
        """);

    private readonly long idleMs = (long)idleTimeout.TotalMilliseconds;

    /// <inheritdoc />
    public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        StoreUnavailableException.Guard("read a session", async () =>
        {
            var value = await redis.GetDatabase().StringGetSetExpiryAsync(RedisKeys.Session(sessionKey), idleTimeout).ConfigureAwait(false);
            return value.IsNullOrEmpty ? null : StoredMapping.DeserializeState((byte[])value!);
        }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken) =>
        await SetAsync(sessionKey, state, WriteFence.None, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask<SessionWrite> SetAsync(string sessionKey, LoginState state, WriteFence fence, CancellationToken cancellationToken) =>
        WriteAsync("write a session", sessionKey, StoredMapping.Serialize(state), fence, cancellationToken);

    /// <inheritdoc />
    public async ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) =>
        await WriteAsync("clear a session", sessionKey, [], WriteFence.None, cancellationToken).ConfigureAwait(false);

    private async ValueTask<SessionWrite> WriteAsync(string operation, string sessionKey, byte[] data, WriteFence fence, CancellationToken cancellationToken)
    {
        var outcome = SessionWrite.Written;
        await StoreWrites.RetryAsync(operation, async () =>
        {
            var written = await redis.GetDatabase().ScriptEvaluateAsync(Write, new
            {
                session = (RedisKey)RedisKeys.Session(sessionKey),
                written = (RedisKey)RedisKeys.Fence(sessionKey),
                lease = (RedisKey)RedisKeys.Lease(sessionKey),
                data,
                fence = fence.Number,
                idle = idleMs,
            }).ConfigureAwait(false);
            outcome = (long)written == 1 ? SessionWrite.Written : SessionWrite.Superseded;
            return outcome;
        }, cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}

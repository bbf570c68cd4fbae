using StackExchange.Redis;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Effects.Storage;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// Session states in Redis, each a hash whose <c>data</c> field is the snapshot and whose <c>fence</c> field is the fencing
/// number of the write that put it there. A write decides and writes in one Lua script, so the fencing rule
/// (<see cref="WriteFence.Admits"/>) holds across instances: a refresh whose lease ran out while it stalled cannot
/// overwrite what a newer holder, a login or a logout wrote. Entries expire after <paramref name="idleTimeout"/> without
/// use (every read slides it). A write is tried <see cref="DistributedCacheSessionStore.WriteAttempts"/> times.
/// </summary>
/// <remarks>
/// The key and the <c>data</c> field are the ones <see cref="DistributedCacheSessionStore"/> over the Redis cache wrote, so
/// sessions stored by earlier versions still load. A logout leaves the <c>fence</c> field behind (for the idle timeout),
/// so a stale refresh cannot bring a logged-out session back. Failures and timeouts are
/// <see cref="StoreUnavailableException"/>.
/// </remarks>
internal sealed class RedisSessionStore(IConnectionMultiplexer redis, TimeSpan idleTimeout) : ISessionStore
{
    private const string Prefix = DistributedCacheSessionStore.DefaultKeyPrefix;

    // KEYS: the session, the fence counter, the session's lease. ARGV: the snapshot ('' clears), the write's fencing number
    // (0: unfenced, so it takes the next one), the idle timeout in ms. Returns 1 when written, 0 when superseded.
    private static readonly LuaScript Write = LuaScript.Prepare("""
        local fence = tonumber(@fence)
        if fence == 0 then
          fence = redis.call('INCR', @counter)
        else
          local written = tonumber(redis.call('HGET', @session, 'fence') or '0')
          local granted = tonumber(redis.call('GET', @lease) or '0')
          if fence < written or fence < granted then return 0 end
        end
        if @data == '' then redis.call('HDEL', @session, 'data') else redis.call('HSET', @session, 'data', @data) end
        redis.call('HSET', @session, 'fence', fence)
        redis.call('PEXPIRE', @session, @idle)
        return 1
        """);

    private static readonly LuaScript Read = LuaScript.Prepare("""
        local data = redis.call('HGET', @session, 'data')
        if data then redis.call('PEXPIRE', @session, @idle) end
        return data
        """);

    private readonly long idleMs = (long)idleTimeout.TotalMilliseconds;

    /// <inheritdoc />
    public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        StoreUnavailableException.Guard("read a session", async () =>
        {
            var data = await redis.GetDatabase().ScriptEvaluateAsync(Read, new { session = (RedisKey)(Prefix + sessionKey), idle = idleMs }).ConfigureAwait(false);
            return data.IsNull ? null : StoredMapping.DeserializeState((byte[])data!);
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

    private ValueTask<SessionWrite> WriteAsync(string operation, string sessionKey, byte[] data, WriteFence fence, CancellationToken cancellationToken) =>
        // Retried like DistributedCacheSessionStore's writes: the script is idempotent (a retried fenced write is admitted by
        // its own fence; a retried unfenced one takes a new number and writes the same data).
        DistributedCacheSessionStore.Retried(operation, async () =>
        {
            var written = await redis.GetDatabase().ScriptEvaluateAsync(Write, new
            {
                session = (RedisKey)(Prefix + sessionKey),
                counter = (RedisKey)RedisRefreshLease.FenceKey,
                lease = (RedisKey)RedisRefreshLease.KeyOf(sessionKey),
                data,
                fence = fence.Number,
                idle = idleMs,
            }).ConfigureAwait(false);
            return (long)written == 1 ? SessionWrite.Written : SessionWrite.Superseded;
        }, cancellationToken);
}

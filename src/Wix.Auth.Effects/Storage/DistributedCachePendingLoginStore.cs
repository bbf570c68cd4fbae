using System.Collections.Concurrent;
using LanguageExt;
using Microsoft.Extensions.Caching.Distributed;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth;

/// <summary>
/// Pending logins in an <see cref="IDistributedCache"/>, keyed by <c>state</c>, so the instance that receives the
/// callback need not be the one that started the login. Each entry expires absolutely after its TTL.
/// </summary>
/// <remarks>
/// <para>
/// <b>Single use is best effort.</b> <see cref="IDistributedCache"/> has no atomic get-and-delete, so
/// <see cref="TakeAsync"/> reads the entry and then removes it. Callers in one process that share this store are
/// serialized per state, so exactly one of them takes it; two <i>instances</i> that race on the same state within
/// that window can both be told they took it, and then the code's single use at Wix is the remaining guard. Where the cache offers an atomic
/// operation (Redis <c>GETDEL</c>), a store built on it closes the window.
/// </para>
/// <para>Entries hold the PKCE verifier in clear: protect the cache accordingly.</para>
/// </remarks>
/// <param name="cache">Where the entries live.</param>
/// <param name="keyPrefix">Prepended to each state, so the entries do not collide with other users of the cache.</param>
public sealed class DistributedCachePendingLoginStore(
    IDistributedCache cache, string keyPrefix = DistributedCachePendingLoginStore.DefaultKeyPrefix) : IPendingLoginStore
{
    /// <summary>The default key prefix.</summary>
    public const string DefaultKeyPrefix = "wix-auth:pending:";

    // States being taken by a caller of this process right now: a second caller loses at once instead of racing.
    private readonly ConcurrentDictionary<string, byte> taking = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        await StoreUnavailableException.Guard("save a pending login", async () =>
        {
            await cache.SetAsync(
                keyPrefix + pending.Data.State,
                StoredMapping.Serialize(pending),
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive },
                cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask<PendingLogin?> FindAsync(string state, CancellationToken cancellationToken) =>
        StoreUnavailableException.Guard("find a pending login", async () =>
            StoredMapping.DeserializePendingLogin(await cache.GetAsync(keyPrefix + state, cancellationToken).ConfigureAwait(false)), cancellationToken);

    /// <summary>
    /// Removes the pending login with this state and returns it, when it was present just before. Not atomic: see the
    /// remarks on <see cref="DistributedCachePendingLoginStore"/>.
    /// </summary>
    public async ValueTask<PendingLogin?> TakeAsync(string state, CancellationToken cancellationToken)
    {
        var key = keyPrefix + state;
        if (!taking.TryAdd(key, 0)) return null;
        try
        {
            return await StoreUnavailableException.Guard("take a pending login", async () =>
            {
                var pending = StoredMapping.DeserializePendingLogin(await cache.GetAsync(key, cancellationToken).ConfigureAwait(false));
                if (pending is null) return null;
                await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
                return pending;
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            taking.TryRemove(key, out _);
        }
    }
}

using LanguageExt;
using Microsoft.Extensions.Caching.Distributed;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Core.Flow;

namespace Wix.Auth;

/// <summary>
/// Session states (tokens, and a login in progress) in an <see cref="IDistributedCache"/> (Redis, SQL Server, …), so every instance of a site serves the same
/// member session. Each session key is one cache entry, a versioned snapshot replaced whole, so readers see the old or
/// the new state.
/// </summary>
/// <remarks>
/// The tokens are stored in clear: protect the cache as you would a session store. An entry that cannot be read
/// (damaged, or written by an incompatible version) counts as no tokens. A cache that fails or times out is reported as
/// <see cref="StoreUnavailableException"/>; a write is tried <see cref="WriteAttempts"/> times first (it is idempotent), so
/// tokens that were just obtained survive a stall of the cache shorter than those attempts.
/// </remarks>
/// <param name="cache">Where the entries live.</param>
/// <param name="entryOptions">Expiration of token entries, e.g. a sliding one to drop abandoned sessions; none by default.</param>
/// <param name="keyPrefix">Prepended to each session key, so the entries do not collide with other users of the cache.</param>
public sealed class DistributedCacheSessionStore(
    IDistributedCache cache, DistributedCacheEntryOptions? entryOptions = null, string keyPrefix = DistributedCacheSessionStore.DefaultKeyPrefix)
    : ISessionStore
{
    /// <summary>The default key prefix.</summary>
    public const string DefaultKeyPrefix = "wix-auth:tokens:";

    /// <summary>How many times a write is tried before the store is reported unavailable.</summary>
    public const int WriteAttempts = StoreWrites.Attempts;

    private readonly DistributedCacheEntryOptions options = entryOptions ?? new DistributedCacheEntryOptions();

    /// <inheritdoc />
    public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        StoreUnavailableException.Guard("read a session", async () =>
            StoredMapping.DeserializeState(await cache.GetAsync(keyPrefix + sessionKey, cancellationToken).ConfigureAwait(false)), cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken)
    {
        var value = StoredMapping.Serialize(state);
        return StoreWrites.RetryAsync("write a session", async () =>
        {
            await cache.SetAsync(keyPrefix + sessionKey, value, options, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) =>
        await StoreUnavailableException.Guard("clear tokens", async () =>
        {
            await cache.RemoveAsync(keyPrefix + sessionKey, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
}

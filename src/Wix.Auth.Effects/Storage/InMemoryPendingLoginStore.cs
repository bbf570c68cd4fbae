using System.Collections.Concurrent;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Storage;

/// <summary>Pending logins in this process's memory: the embedded default for one instance.</summary>
/// <remarks>
/// An entry is good up to and including the instant its TTL ends, as the core's rule has it (spec/flow.md, rule 14);
/// expired entries are invisible at once and removed as later saves sweep past them. At most <paramref name="capacity"/>
/// live entries are held: a save beyond that is refused with <see cref="StoreUnavailableException"/> (a 503 on a web
/// site), so input can never grow this store without bound.
/// </remarks>
/// <param name="time">The clock that expires entries.</param>
/// <param name="capacity">The most pending logins held at once. Default <see cref="DefaultCapacity"/>.</param>
public sealed class InMemoryPendingLoginStore(TimeProvider time, int capacity = InMemoryPendingLoginStore.DefaultCapacity) : IPendingLoginStore
{
    /// <summary>The default capacity: far above what a site's login rate limit lets in within a TTL.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, (PendingLogin Pending, DateTimeOffset ExpiresAt)> entries = new(StringComparer.Ordinal);
    private long saves;

    /// <summary>How many entries are held now, expired ones not yet swept included.</summary>
    public int Count => entries.Count;

    /// <inheritdoc />
    public ValueTask SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        if (entries.Count >= capacity)
        {
            SweepExpired();
            if (entries.Count >= capacity) throw new StoreUnavailableException("save a pending login: the store is full");
        }
        entries[pending.Data.State] = (pending, time.GetUtcNow() + timeToLive);
        if (Interlocked.Increment(ref saves) % 1024 == 0) SweepExpired();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<PendingLogin?> FindAsync(string state, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entries.TryGetValue(state, out var entry) && entry.ExpiresAt >= time.GetUtcNow() ? entry.Pending : null);

    /// <inheritdoc />
    public ValueTask<PendingLogin?> TakeAsync(string state, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entries.TryRemove(state, out var entry) && entry.ExpiresAt >= time.GetUtcNow() ? entry.Pending : null);

    /// <summary>Removes every expired entry.</summary>
    public void SweepExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in entries)
            if (entry.ExpiresAt < now) entries.TryRemove(KeyValuePair.Create(key, entry));
    }
}

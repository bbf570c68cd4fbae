using System.Collections.Concurrent;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth;

/// <summary>Pending logins in this process's memory: the embedded default for one instance.</summary>
/// <remarks>
/// An entry is good up to and including the instant its TTL ends, as the core's rule has it (spec/flow.md, rule 14);
/// expired entries are invisible at once and removed by later saves, soonest expiry first, so each is removed once and
/// a save costs O(log n) — a save refused because the store is full costs O(1). At most <paramref name="capacity"/>
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

    // Every saved entry by expiry, taken ones included until they expire: at most capacity live ones plus what was taken
    // within a TTL; compacted when it holds twice the capacity.
    private readonly PriorityQueue<(string State, DateTimeOffset ExpiresAt), DateTimeOffset> expiries = new();

    /// <summary>How many entries are held now, expired ones not yet swept included.</summary>
    public int Count => entries.Count;

    /// <inheritdoc />
    public ValueTask SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + timeToLive;
        lock (expiries)
        {
            SweepExpired(now);
            if (entries.Count >= capacity) throw new StoreUnavailableException("save a pending login: the store is full");
            entries[pending.Data.State] = (pending, expiresAt);
            expiries.Enqueue((pending.Data.State, expiresAt), expiresAt);
            if (expiries.Count >= 2 * capacity) Compact();
        }
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
        lock (expiries) SweepExpired(time.GetUtcNow());
    }

    // Only the soonest expiries are looked at: nothing expired, nothing to do.
    private void SweepExpired(DateTimeOffset now)
    {
        while (expiries.TryPeek(out var next, out var expiresAt) && expiresAt < now)
        {
            expiries.Dequeue();
            // A state saved again since carries a later expiry: only the entry this queue item describes goes.
            if (entries.TryGetValue(next.State, out var entry) && entry.ExpiresAt == next.ExpiresAt)
                entries.TryRemove(KeyValuePair.Create(next.State, entry));
        }
    }

    // Drops queue items of entries already taken, so the queue stays within twice the capacity.
    private void Compact()
    {
        var live = expiries.UnorderedItems
            .Where(item => entries.TryGetValue(item.Element.State, out var entry) && entry.ExpiresAt == item.Element.ExpiresAt)
            .ToList();
        expiries.Clear();
        foreach (var item in live) expiries.Enqueue(item.Element, item.Priority);
    }
}

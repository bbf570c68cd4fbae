using System.Collections.Concurrent;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Core.Flow;

namespace Wix.Auth;

/// <summary>Session states in this process's memory: the embedded default for one instance.</summary>
/// <remarks>
/// A session neither read nor written for <paramref name="idleTimeout"/> is gone: invisible at once, removed by a later
/// write. At most <paramref name="capacity"/> sessions are held: a write that goes past it first removes the expired ones
/// and, if the store is still full, the sessions idle longest (a hundredth of the capacity at once, so the scan is paid
/// once per many logins). Their members log in again; no one is ever refused, so input can neither grow this store
/// without bound nor fill it to lock others out. Each session ended so is counted in <c>wix_auth.sessions.evicted</c>.
/// </remarks>
/// <param name="time">The clock that measures idleness.</param>
/// <param name="idleTimeout">How long a session lives unused; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
/// <param name="capacity">The most sessions held at once. Default <see cref="DefaultCapacity"/>.</param>
public sealed class InMemorySessionStore(TimeProvider time, TimeSpan idleTimeout, int capacity = InMemorySessionStore.DefaultCapacity) : ISessionStore
{
    /// <summary>The default capacity: a site's worth of members signed in at once on one instance.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly long idleTicks = idleTimeout == Timeout.InfiniteTimeSpan ? long.MaxValue
        : idleTimeout > TimeSpan.Zero ? idleTimeout.Ticks : throw new ArgumentOutOfRangeException(nameof(idleTimeout), "The idle timeout must be positive or infinite.");
    private readonly int limit = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be positive.");
    private readonly Lock sweeping = new();
    private long nextSweep = time.GetUtcNow().UtcTicks;
    // Counted as entries come and go: ConcurrentDictionary.Count takes every lock of the table, too much for each write.
    private int count;

    /// <summary>A store whose sessions live until cleared, at most <see cref="DefaultCapacity"/>: one process's own sessions.</summary>
    public InMemorySessionStore() : this(TimeProvider.System, Timeout.InfiniteTimeSpan) { }

    /// <summary>How many sessions are held now, expired ones not yet swept included.</summary>
    public int Count => Volatile.Read(ref count);

    /// <inheritdoc />
    public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken)
    {
        if (!entries.TryGetValue(sessionKey, out var entry)) return ValueTask.FromResult<LoginState?>(null);
        var now = time.GetUtcNow().UtcTicks;
        if (IsExpired(entry, now))
        {
            Remove(KeyValuePair.Create(sessionKey, entry));
            return ValueTask.FromResult<LoginState?>(null);
        }
        Volatile.Write(ref entry.Touched, now);
        return ValueTask.FromResult<LoginState?>(entry.State);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        // A new entry per write: a sweep removes an entry only if it is still the one it judged idle.
        var entry = new Entry(state, now);
        while (entries.TryGetValue(sessionKey, out var old) ? !entries.TryUpdate(sessionKey, entry, old) : !Add(sessionKey, entry)) { }
        if (now >= Volatile.Read(ref nextSweep) || Count > limit) Sweep(now);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken)
    {
        if (entries.TryRemove(sessionKey, out _)) Interlocked.Decrement(ref count);
        return ValueTask.CompletedTask;
    }

    private bool Add(string sessionKey, Entry entry)
    {
        if (!entries.TryAdd(sessionKey, entry)) return false;
        Interlocked.Increment(ref count);
        return true;
    }

    private void Remove(KeyValuePair<string, Entry> pair)
    {
        if (entries.TryRemove(pair)) Interlocked.Decrement(ref count);
    }

    private bool IsExpired(Entry entry, long now) => now - Volatile.Read(ref entry.Touched) > idleTicks;

    // Expired sessions go at most once per idle timeout, or when the store is full; then, if it is still full, the
    // sessions idle longest. One writer sweeps; the others go on.
    private void Sweep(long now)
    {
        if (!sweeping.TryEnter()) return;
        try
        {
            foreach (var pair in entries)
                if (IsExpired(pair.Value, now)) Remove(pair);
            Volatile.Write(ref nextSweep, idleTicks == long.MaxValue ? long.MaxValue : now + idleTicks);
            if (Count > limit) EvictIdlest(Count - limit + Math.Max(1, limit / 100));
        }
        finally
        {
            sweeping.Exit();
        }
    }

    private void EvictIdlest(int howMany)
    {
        // The newest of the idlest on top, so each entry less idle than all of them replaces it: O(n log howMany).
        var idlest = new PriorityQueue<KeyValuePair<string, Entry>, long>(howMany, Comparer<long>.Create((a, b) => b.CompareTo(a)));
        foreach (var pair in entries)
        {
            var touched = Volatile.Read(ref pair.Value.Touched);
            if (idlest.Count < howMany) idlest.Enqueue(pair, touched);
            else if (idlest.TryPeek(out _, out var newest) && touched < newest) idlest.EnqueueDequeue(pair, touched);
        }
        var evicted = 0;
        while (idlest.TryDequeue(out var pair, out _))
            if (entries.TryRemove(pair)) evicted++;
        Interlocked.Add(ref count, -evicted);
        StoreMetrics.SessionsEvicted(evicted);
    }

    private sealed class Entry(LoginState state, long touched)
    {
        public readonly LoginState State = state;
        public long Touched = touched;
    }
}

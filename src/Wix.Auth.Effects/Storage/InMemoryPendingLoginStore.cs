using System.Collections.Concurrent;
using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Storage;

/// <summary>Pending logins in this process's memory: the embedded default for one instance.</summary>
/// <remarks>Expired entries are invisible at once and removed as later saves sweep past them, so memory stays bounded by the TTL.</remarks>
public sealed class InMemoryPendingLoginStore(TimeProvider time) : IPendingLoginStore
{
    private readonly ConcurrentDictionary<string, (PendingLogin Pending, DateTimeOffset ExpiresAt)> entries = new(StringComparer.Ordinal);
    private long saves;

    /// <summary>How many entries are held now, expired ones not yet swept included.</summary>
    public int Count => entries.Count;

    /// <inheritdoc />
    public ValueTask SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        entries[pending.Data.State] = (pending, time.GetUtcNow() + timeToLive);
        if (Interlocked.Increment(ref saves) % 1024 == 0) SweepExpired();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<Option<PendingLogin>> FindAsync(string state, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entries.TryGetValue(state, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? Some(entry.Pending) : None);

    /// <inheritdoc />
    public ValueTask<Option<PendingLogin>> TakeAsync(string state, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entries.TryRemove(state, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? Some(entry.Pending) : None);

    /// <summary>Removes every expired entry.</summary>
    public void SweepExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in entries)
            if (entry.ExpiresAt <= now) entries.TryRemove(KeyValuePair.Create(key, entry));
    }
}

using System.Collections.Concurrent;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// Opaque, expiring tokens (session, state, recovery) and what each stands for. Bounded: past the capacity the
/// oldest tokens are forgotten first, so no input can grow it without limit. Taking a token is one
/// <c>TryRemove</c>: a token is redeemed once, even under concurrent requests.
/// </summary>
internal sealed class TicketStore<T>(string prefix, int capacity, TimeProvider clock) where T : class
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    public int Count => entries.Count;

    public string Add(T value, TimeSpan lifetime)
    {
        var token = Model.Secrets.New(prefix);
        entries[token] = new Entry(value, clock.GetUtcNow() + lifetime);
        order.Enqueue(token);
        while (entries.Count > capacity && order.TryDequeue(out var oldest)) entries.TryRemove(oldest, out _);
        // Tokens already taken leave their key in the queue; keep the queue bounded too.
        while (order.Count > 2 * capacity && order.TryDequeue(out var stale)) entries.TryRemove(stale, out _);
        return token;
    }

    /// <summary>The live value, left in place; an expired token is forgotten.</summary>
    public T? Find(string? token)
    {
        if (token is null || !entries.TryGetValue(token, out var entry)) return null;
        if (clock.GetUtcNow() < entry.ExpiresAt) return entry.Value;
        entries.TryRemove(token, out _);
        return null;
    }

    /// <summary>Removes and returns the live value: a token is good for one redemption.</summary>
    public T? Take(string? token) =>
        token is not null && entries.TryRemove(token, out var entry) && clock.GetUtcNow() < entry.ExpiresAt
            ? entry.Value
            : null;

    /// <summary>Replaces the value if it is still <paramref name="expected"/>; false when it changed or is gone.</summary>
    public bool TryReplace(string token, T expected, T replacement) =>
        entries.TryGetValue(token, out var entry) && ReferenceEquals(entry.Value, expected) &&
        entries.TryUpdate(token, entry with { Value = replacement }, entry);

    public void Remove(string token) => entries.TryRemove(token, out _);

    private sealed record Entry(T Value, DateTimeOffset ExpiresAt);
}

/// <summary>A session token: the member is authenticated for this client; the authorize page or the
/// <c>authorized_client</c> grant turns it into a code or tokens once.</summary>
internal sealed record SessionTicket(string MemberId, string ClientId, bool FromSignOn);

/// <summary>A state token: the member must enter the code mailed to them.</summary>
internal sealed record VerificationTicket(string MemberId, string ClientId, string Code, int WrongAttempts);

/// <summary>A recovery token from a password-reset mail.</summary>
internal sealed record RecoveryTicket(string MemberId, string ClientId);

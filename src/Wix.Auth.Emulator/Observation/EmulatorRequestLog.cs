using System.Collections.Concurrent;

namespace Wix.Auth.Emulator;

/// <summary>
/// The requests received at the emulated endpoints (admin requests are not logged) and a counter per endpoint
/// and grant or intent, so a test can assert, say, exactly one <c>refresh_token</c> grant. Thread-safe.
/// </summary>
public sealed class EmulatorRequestLog
{
    private readonly ConcurrentQueue<RequestLogEntry> entries = new();
    private readonly ConcurrentDictionary<string, long> counters = new(StringComparer.Ordinal);
    private readonly int capacity;
    private long sequence;

    internal EmulatorRequestLog(int capacity) => this.capacity = capacity;

    /// <summary>The logged requests, in order of arrival (the oldest are dropped past the log's capacity).</summary>
    public IReadOnlyList<RequestLogEntry> Entries => [.. entries.OrderBy(e => e.Sequence)];

    /// <summary>The logged requests to one endpoint, in order of arrival.</summary>
    public IReadOnlyList<RequestLogEntry> For(EmulatorEndpoint endpoint) =>
        [.. Entries.Where(e => e.Endpoint == endpoint)];

    /// <summary>Counters by key: the endpoint's kebab-case name, then <c>:</c> and the grant or intent if any (<c>token:refresh_token</c>).</summary>
    public IReadOnlyDictionary<string, long> Counters => new Dictionary<string, long>(counters);

    /// <summary>Requests received at an endpoint, all of them or only those of one grant type or intent.</summary>
    public long Count(EmulatorEndpoint endpoint, string? detail = null)
    {
        var name = NameOf(endpoint);
        return detail is null
            ? counters.Where(c => c.Key == name || c.Key.StartsWith(name + ":", StringComparison.Ordinal)).Sum(c => c.Value)
            : counters.GetValueOrDefault(name + ":" + detail);
    }

    /// <summary>Forgets every entry and resets every counter.</summary>
    public void Clear()
    {
        entries.Clear();
        counters.Clear();
    }

    internal long NextSequence() => Interlocked.Increment(ref sequence);

    internal void Increment(EmulatorEndpoint endpoint, string? detail) =>
        counters.AddOrUpdate(detail is null ? NameOf(endpoint) : NameOf(endpoint) + ":" + detail, 1, (_, n) => n + 1);

    internal void Add(RequestLogEntry entry)
    {
        entries.Enqueue(entry);
        while (entries.Count > capacity && entries.TryDequeue(out _))
        {
        }
    }

    private static string NameOf(EmulatorEndpoint endpoint) => endpoint switch
    {
        EmulatorEndpoint.RedirectSession => "redirect-session",
        EmulatorEndpoint.TokenInfo => "token-info",
        _ => endpoint.ToString().ToLowerInvariant(),
    };
}

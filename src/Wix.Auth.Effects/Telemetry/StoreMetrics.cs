using System.Diagnostics.Metrics;

namespace Wix.Auth;

/// <summary>The counters of what the in-memory stores do to stay within their bounds.</summary>
internal static class StoreMetrics
{
    private static readonly Counter<long> Evicted = WixAuthTelemetry.Meter.CreateCounter<long>(
        "wix_auth.sessions.evicted", "{session}", "Member sessions the in-memory store ended to stay within its capacity.");

    /// <summary><paramref name="count"/> sessions, the idlest, ended by a full <see cref="InMemorySessionStore"/>.</summary>
    public static void SessionsEvicted(int count) => Evicted.Add(count);
}

using System.Net;
using System.Net.Sockets;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// Bounds how often something costly may start, per client and in total, in one-minute windows, so that no set of
/// clients can use the total up and lock everyone else out. Each client (an IPv4 address, an IPv6 /64) may start
/// <c>perClient</c> per window. The first <c>total</c> starts of a window go to whoever asks; past them only a group of
/// clients (an IPv4 address, an IPv6 /48 — one organisation's allocation, so its 65,536 /64s count once) that has made
/// fewer than <see cref="Guaranteed"/> starts this window may start. So attackers spend the total and then nothing more,
/// while a member who has not asked yet still gets their starts: locking a member out takes more than
/// <see cref="MaxGroups"/> distinct groups in one minute, and the cost stays bounded by
/// <c>total + Guaranteed × (MaxGroups + 1)</c> a window.
/// </summary>
/// <remarks>
/// At most <see cref="MaxClients"/> clients and <see cref="MaxGroups"/> groups are counted one by one per window; any
/// beyond share one count, so memory is bounded whatever the number of addresses. Every decision is O(1).
/// </remarks>
internal sealed class FairWindowLimiter(int perClient, int total, TimeProvider time)
{
    /// <summary>Starts every group may make in a window, even past the total.</summary>
    internal const int Guaranteed = 2;

    /// <summary>The most clients counted one by one in a window.</summary>
    internal const int MaxClients = 100_000;

    /// <summary>The most groups counted one by one in a window: with <see cref="Guaranteed"/>, the bound on starts past the total.</summary>
    internal const int MaxGroups = 4_096;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const string Overflow = "overflow";

    private readonly object gate = new();
    private readonly Dictionary<string, int> clients = [];
    private readonly Dictionary<string, int> groups = [];
    // The window runs on the monotonic clock: a wall-clock jump neither ends nor stretches it.
    private long windowStart;
    private bool started;
    private int admitted;

    /// <summary>Counts a start for <paramref name="address"/> when allowed; otherwise how long until the window ends.</summary>
    public bool TryAdmit(IPAddress? address, out TimeSpan retryAfter)
    {
        var now = time.GetTimestamp();
        var (client, group) = KeysOf(address);
        lock (gate)
        {
            if (!started || time.GetElapsedTime(windowStart, now) >= Window) Reset(now);
            retryAfter = Window - time.GetElapsedTime(windowStart, now);
            if (!clients.ContainsKey(client) && clients.Count >= MaxClients) client = Overflow;
            if (!groups.ContainsKey(group) && groups.Count >= MaxGroups) group = Overflow;
            var byClient = clients.GetValueOrDefault(client);
            var byGroup = groups.GetValueOrDefault(group);
            if (byClient >= perClient || (admitted >= total && byGroup >= Guaranteed)) return false;
            clients[client] = byClient + 1;
            groups[group] = byGroup + 1;
            admitted++;
            return true;
        }
    }

    private void Reset(long now)
    {
        (windowStart, started) = (now, true);
        admitted = 0;
        clients.Clear();
        groups.Clear();
    }

    // IPv4-mapped addresses are IPv4; an IPv6 client is its /64 (one subscriber's), its group the /48.
    private static (string Client, string Group) KeysOf(IPAddress? address)
    {
        switch (address)
        {
            case null:
                return ("unknown", "unknown");
            case { IsIPv4MappedToIPv6: true }:
                var v4 = address.MapToIPv4().ToString();
                return (v4, v4);
            case { AddressFamily: AddressFamily.InterNetworkV6 }:
                var bytes = address.GetAddressBytes();
                return (Convert.ToHexString(bytes, 0, 8), Convert.ToHexString(bytes, 0, 6));
            default:
                var text = address.ToString();
                return (text, text);
        }
    }
}

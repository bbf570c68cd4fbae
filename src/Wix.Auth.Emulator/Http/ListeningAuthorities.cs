using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Wix.Auth.Emulator.Http;

/// <summary>
/// The authorities (scheme, host and port) the emulator can be reached at, from the addresses it listens on, never from
/// a request: a port it listens on, with <c>localhost</c>, an IP address, or a host name it was started on. A name that
/// merely resolves to it (DNS rebinding: <c>evil.example</c> pointed at 127.0.0.1) is not one of them.
/// </summary>
internal sealed class ListeningAuthorities(IServer server)
{
    private IReadOnlyList<BindingAddress>? addresses;

    /// <summary>Whether <paramref name="host"/> (<c>name:port</c>) on <paramref name="scheme"/> names this emulator.</summary>
    public bool Contains(string scheme, HostString host)
    {
        if (!host.HasValue) return false;
        var port = host.Port ?? (string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
        var name = host.Host;
        return Addresses.Any(a => string.Equals(a.Scheme, scheme, StringComparison.OrdinalIgnoreCase) && a.Port == port &&
            (IsLocalOrLiteral(name) || string.Equals(a.Host, name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether an <c>Origin</c> header (<c>scheme://host:port</c>) is this emulator's own.</summary>
    public bool ContainsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && !origin.EndsWith('/') &&
        Contains(uri.Scheme, new HostString(uri.Host, uri.Port));

    // Read once, on the first request: Kestrel knows its ports (port 0 made real) only once started.
    private IReadOnlyList<BindingAddress> Addresses => addresses ??=
        [.. (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(BindingAddress.Parse)];

    // An IP literal cannot be rebound, and localhost resolves to loopback only (RFC 6761 §6.3; browsers keep it so).
    private static bool IsLocalOrLiteral(string name) =>
        string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(name.Trim('[', ']'), out _);
}

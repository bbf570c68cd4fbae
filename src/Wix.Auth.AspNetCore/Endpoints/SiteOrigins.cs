using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// The origins this site is served at, from configuration only: <see cref="WixAuthWebOptions.PublicOrigin"/> when set,
/// else the concrete addresses the server listens on (<c>--urls</c>). Every absolute URL the host sends or mails — the
/// redirect URI, the post-logout URL, the password-reset link — starts with one of them, never with the request's
/// <c>Host</c>, which the client chooses. A request whose <c>Host</c> names none of them (nor
/// <see cref="WixAuthWebOptions.AllowedHosts"/>) is not this site's and is refused before anything runs.
/// </summary>
internal sealed class SiteOrigins(IOptions<WixAuthWebOptions> options, IServer server)
{
    private const int MaxKnownHosts = 64;

    // The Host headers already answered (as sent, so matching stays exact), with their origin.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> known = new(StringComparer.Ordinal);
    private IReadOnlyList<Uri>? listening;

    /// <summary>
    /// The configured origin (<c>scheme://host[:port]</c>, no slash) that serves <paramref name="request"/>, or null when its
    /// <c>Host</c> is not one of the site's.
    /// </summary>
    public string? OriginOf(HttpRequest request)
    {
        var host = request.Host;
        if (!host.HasValue) return null;
        if (known.TryGetValue(host.Value, out var origin)) return origin;
        origin = Resolve(host);
        // Only the site's own hosts are kept, and only so many spellings of them: a stranger's Host never grows this.
        if (origin is not null && known.Count < MaxKnownHosts) known.TryAdd(host.Value, origin);
        return origin;
    }

    private string? Resolve(HostString host)
    {
        var web = options.Value;
        var addresses = Listening();
        if (web.PublicOrigin is { } configured)
            return Matches(configured, host) || addresses.Any(a => Matches(a, host)) || IsAllowed(web, host) ? Origin(configured) : null;
        foreach (var address in addresses)
            if (Matches(address, host)) return Origin(address);
        return IsAllowed(web, host) && addresses.Count > 0 ? Origin(addresses[0]) : null;
    }

    /// <summary>How many spellings of the site's hosts are remembered (at most 64).</summary>
    internal int KnownHosts => known.Count;

    /// <summary>True when the site has an origin to build URLs from at all: a public origin, or a concrete listening address.</summary>
    public bool IsConfigured => options.Value.PublicOrigin is not null || Listening().Count > 0;

    private static bool IsAllowed(WixAuthWebOptions web, HostString host) =>
        web.AllowedHosts.Any(allowed => string.Equals(allowed, host.Value, StringComparison.OrdinalIgnoreCase));

    private static bool Matches(Uri origin, HostString host) =>
        string.Equals(origin.IdnHost.Trim('[', ']'), host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && origin.Port == (host.Port ?? DefaultPort(origin));

    private static int DefaultPort(Uri origin) => origin.Scheme == Uri.UriSchemeHttps ? 443 : 80;

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    // Known once the server has started; a wildcard (0.0.0.0, [::], *, +) names no host, so it gives no origin.
    private IReadOnlyList<Uri> Listening()
    {
        if (listening is { } known) return known;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var concrete = addresses
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null)
            .OfType<Uri>()
            .Where(uri => uri.Host is not ("0.0.0.0" or "[::]" or "::" or "*" or "+"))
            .ToList();
        if (concrete.Count > 0) listening = concrete;
        return concrete;
    }
}

using LanguageExt;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Urls;

/// <summary>
/// The origin of an http(s) URL, read from its text as <c>spec/return-urls.md</c> ("Reading an origin") defines it:
/// <c>scheme://host</c>, plus <c>:port</c> when the port is not the scheme's default, scheme and host in lower case.
/// </summary>
public static class HttpOrigin
{
    /// <summary>The origin of <paramref name="url"/>, or None when it does not start with an http(s) scheme and a valid authority.</summary>
    public static Option<string> Of(string url) => Optional(Read(url, out _));

    /// <summary>
    /// Reads <c>scheme://authority</c> at the start of <paramref name="url"/>: its origin, with <paramref name="end"/> the
    /// index just past the authority; null when there is none.
    /// </summary>
    internal static string? Read(string url, out int end)
    {
        end = 0;
        var https = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!https && !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return null;
        var start = https ? "https://".Length : "http://".Length;
        var length = url.AsSpan(start).IndexOfAny("/?#");
        end = length < 0 ? url.Length : start + length;
        var authority = url.AsSpan(start, end - start);
        // User information ("user@", "user:password@") is refused: it makes a URL read as another host by whoever skims it.
        if (authority.Contains('@')) return null;
        var hostLength = authority is ['[', ..] ? authority.IndexOf(']') + 1 : authority.IndexOf(':') is var colon and >= 0 ? colon : authority.Length;
        var host = authority[..hostLength];
        var port = authority[hostLength..];
        var defaultPort = https ? 443 : 80;
        if (!UrlHost.IsValid(host) || ReadPort(port, defaultPort) is not { } number) return null;
        var suffix = number == defaultPort ? "" : ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(https ? "https://" : "http://", host.ToString().ToLowerInvariant(), suffix);
    }

    // Nothing (the default port), or ':' and 1 to 5 digits up to 65535; an empty port (':' alone) is refused.
    private static int? ReadPort(ReadOnlySpan<char> port, int defaultPort)
    {
        if (port.IsEmpty) return defaultPort;
        if (port[0] != ':') return null;
        var digits = port[1..];
        if (digits.Length is 0 or > 5 || digits.IndexOfAnyExceptInRange('0', '9') >= 0) return null;
        var number = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return number <= 65535 ? number : null;
    }
}

using System.Buffers;

namespace Wix.Auth.Core.Urls;

/// <summary>
/// Which hosts an http(s) URL may name (<c>spec/return-urls.md</c>, "Reading an origin", step 4): ASCII only, compared
/// as written once lower-cased. A host a browser would rewrite into another one is refused, so that the host compared
/// is the host the browser goes to.
/// </summary>
internal static class UrlHost
{
    private static readonly SearchValues<char> LabelCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");
    private static readonly SearchValues<char> IPv6Characters = SearchValues.Create("0123456789ABCDEFabcdef:.");

    /// <summary>
    /// True for an IPv6 literal in brackets (hex digits, colons and dots, a colon at least), or a domain of non-empty labels
    /// of letters, digits and hyphens with an optional final dot, whose last label is not a number, else a dotted-decimal
    /// IPv4 address. <paramref name="host"/> is as <see cref="HttpOrigin"/> cuts it: a bracketed one ends with its <c>]</c>.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> host)
    {
        if (host is ['[', .. var literal, ']'])
            return literal.IndexOfAnyExcept(IPv6Characters) < 0 && literal.Contains(':');
        // The label checks ignore one final dot; the host itself keeps it (shop.example. is another host).
        var labels = host is [.. var withoutDot, '.'] ? withoutDot : host;
        var last = ReadOnlySpan<char>.Empty;
        foreach (var range in labels.Split('.'))
        {
            last = labels[range];
            if (last.IsEmpty || last.IndexOfAnyExcept(LabelCharacters) >= 0) return false;
        }
        return !LooksLikeANumber(last) || IsDottedDecimal(host);
    }

    // Browsers read a host whose last label is a number (decimal, or hex with 0x) as an IPv4 address in any of its forms.
    private static bool LooksLikeANumber(ReadOnlySpan<char> label) =>
        label.IndexOfAnyExceptInRange('0', '9') < 0 || label.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    // Exactly four decimal numbers 0-255 without leading zeros, the only IPv4 form a browser keeps as written.
    private static bool IsDottedDecimal(ReadOnlySpan<char> host)
    {
        var count = 0;
        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            if (++count > 4 || part.Length is 0 or > 3 || part.IndexOfAnyExceptInRange('0', '9') >= 0 || (part.Length > 1 && part[0] == '0')) return false;
            if (int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255) return false;
        }
        return count == 4;
    }
}

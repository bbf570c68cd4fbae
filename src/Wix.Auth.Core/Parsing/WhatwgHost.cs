using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// The WHATWG host parser's verdict for special schemes (valid or not), so that a URL <c>new URL()</c> refuses is
/// refused here too: bracketed IPv6, percent-decoding, UTS 46 (<see cref="Uts46"/>), forbidden domain code points, and the IPv4 parser
/// for hosts that end in a number (<c>1.2.3.4.5</c>, <c>256.1.1.1</c>, <c>0x1g</c> fail).
/// </summary>
/// <remarks>A plain ASCII host, the usual case, is checked on the span without allocating.</remarks>
internal static class WhatwgHost
{
    // Forbidden domain code points (C0 controls included), and the marks of a host that needs IDNA or decoding.
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        " #%/:<>?@[\\]^|\u007f\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");
    private static readonly SearchValues<string> XnPrefix = SearchValues.Create(["xn--"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> PlainHost = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-");

    public static bool IsValid(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty) return false;
        if (host[0] == '[')
            return host[^1] == ']' && host.IndexOf('%') < 0
                && IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        // Lower-case letters, digits, dots and hyphens: valid unless it ends in a number or has a punycode label.
        if (host.IndexOfAnyExcept(PlainHost) < 0 && host.IndexOf("xn--") < 0) return !EndsInANumber(host) || IsIPv4(host);
        if (Ascii.IsValid(host) && host.IndexOf('%') < 0 && host.IndexOfAny(XnPrefix) < 0)
            return IsValidAsciiDomain(host);
        return Uts46.ToAscii(FormUrlEncoded.PercentDecode(host)) is { } ascii && IsValidAsciiDomain(ascii);
    }

    private static bool IsValidAsciiDomain(ReadOnlySpan<char> domain) =>
        domain.IndexOfAny(Forbidden) < 0 && (!EndsInANumber(domain) || IsIPv4(domain));

    private static bool EndsInANumber(ReadOnlySpan<char> domain)
    {
        if (domain.EndsWith(".")) domain = domain[..^1];
        var last = domain[(domain.LastIndexOf('.') + 1)..];
        return !last.IsEmpty && (!last.ContainsAnyExcept(Digits) || ParseNumber(last) is not null);
    }

    private static bool IsIPv4(ReadOnlySpan<char> domain)
    {
        // Only called on a domain that ends in a number, so never on "." alone.
        if (domain.EndsWith(".")) domain = domain[..^1];
        Span<double> numbers = stackalloc double[4];
        var count = 0;
        foreach (var range in domain.Split('.'))
        {
            if (count == 4 || ParseNumber(domain[range]) is not { } number) return false;
            numbers[count++] = number;
        }
        for (var i = 0; i < count - 1; i++)
            if (numbers[i] > 255) return false;
        return numbers[count - 1] < Math.Pow(256, 5 - count);
    }

    private static double? ParseNumber(ReadOnlySpan<char> part)
    {
        if (part.IsEmpty) return null;
        var radix = 10;
        if (part.Length >= 2 && part[0] == '0' && part[1] is 'x' or 'X')
        {
            part = part[2..];
            radix = 16;
        }
        else if (part.Length >= 2 && part[0] == '0')
        {
            part = part[1..];
            radix = 8;
        }
        double value = 0;
        foreach (var c in part)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : 99;
            if (digit >= radix) return null;
            value = value * radix + digit;
        }
        return value;
    }
}

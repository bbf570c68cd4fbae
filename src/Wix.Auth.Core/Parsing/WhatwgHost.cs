using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// The WHATWG host parser's verdict for special schemes (valid or not), so that a URL <c>new URL()</c> refuses is
/// refused here too: bracketed IPv6, percent-decoding, IDNA, forbidden domain code points, and the IPv4 parser
/// for hosts that end in a number (<c>1.2.3.4.5</c>, <c>256.1.1.1</c>, <c>0x1g</c> fail).
/// </summary>
internal static class WhatwgHost
{
    private static readonly IdnMapping Idna = new() { AllowUnassigned = true, UseStd3AsciiRules = false };

    public static bool IsValid(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty) return false;
        if (host[0] == '[')
            return host[^1] == ']' && host.IndexOf('%') < 0
                && IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        var domain = host.IndexOf('%') < 0 ? host.ToString() : FormUrlEncoded.PercentDecode(host);
        if (ToAscii(domain) is not { } ascii) return false;
        if (ascii.AsSpan().IndexOfAny(" #%/:<>?@[\\]^|\u007f") >= 0 || ascii.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0) return false;
        return !EndsInANumber(ascii) || IsIPv4(ascii);
    }

    // UTS 46 with beStrict false and no DNS length check: labels may be empty; only labels that need it go through IDNA.
    private static string? ToAscii(string domain)
    {
        var labels = domain.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0 || (System.Text.Ascii.IsValid(label) && !label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))) continue;
            try
            {
                labels[i] = Idna.GetAscii(label);
                if (labels[i].StartsWith("xn--", StringComparison.OrdinalIgnoreCase)) Idna.GetUnicode(labels[i]);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        return string.Join('.', labels).ToLowerInvariant();
    }

    private static bool EndsInANumber(string domain)
    {
        var parts = domain.Split('.');
        if (parts[^1].Length == 0)
        {
            if (parts.Length == 1) return false;
            parts = parts[..^1];
        }
        var last = parts[^1];
        return last.Length > 0 && (last.All(char.IsAsciiDigit) || ParseNumber(last) is not null);
    }

    private static bool IsIPv4(string domain)
    {
        var parts = domain.Split('.');
        if (parts[^1].Length == 0 && parts.Length > 1) parts = parts[..^1];
        if (parts.Length > 4) return false;
        var numbers = parts.Select(ParseNumber).ToArray();
        if (numbers.Any(n => n is null)) return false;
        if (numbers[..^1].Any(n => n > 255)) return false;
        return numbers[^1] < Math.Pow(256, 5 - numbers.Length);
    }

    private static double? ParseNumber(string part)
    {
        if (part.Length == 0) return null;
        var radix = 10;
        if (part.Length >= 2 && part[0] == '0' && part[1] is 'x' or 'X') (part, radix) = (part[2..], 16);
        else if (part.Length >= 2 && part[0] == '0') (part, radix) = (part[1..], 8);
        if (part.Length == 0) return 0;
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

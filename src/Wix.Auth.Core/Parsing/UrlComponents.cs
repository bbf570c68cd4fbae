using System.Buffers;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// The part of the WHATWG URL parser that finds a URL's query and fragment, so that we read every callback
/// URL exactly as <c>new URL(url)</c> does in <c>@wix/sdk</c>: leading and trailing C0 controls and spaces
/// are ignored, tabs and newlines anywhere are removed, the fragment follows the first <c>#</c>, the query
/// the first <c>?</c> before it; a fragment loses one leading <c>?</c>, as <c>URLSearchParams</c> drops it.
/// </summary>
internal static class UrlComponents
{
    private static readonly string[] SpecialSchemes = ["http", "https", "ws", "wss", "ftp"];

    /// <summary>The URL with ignorable characters removed, or null when it is not an absolute URL.</summary>
    public static string? Normalize(string url)
    {
        // The common URL has nothing to trim or remove and is returned as it is, without allocating.
        if (url.Length > 0 && url[0] > ' ' && url[^1] > ' ' && url.AsSpan().IndexOfAny('\t', '\n', '\r') < 0) return IsAbsolute(url) ? url : null;
        var trimmed = url.AsSpan().Trim(" \0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");
        var clean = string.Concat(trimmed.ToString().Split(['\t', '\n', '\r']));
        return IsAbsolute(clean) ? clean : null;
    }

    /// <summary>The fragment (without <c>#</c>) or the query (without <c>?</c>) of a normalized URL; empty when absent.</summary>
    public static ReadOnlySpan<char> Component(string url, ResponseMode mode)
    {
        var hash = url.IndexOf('#');
        // The SDK reads the fragment with new URLSearchParams(string), which drops one leading '?'.
        if (mode != ResponseMode.Query) return hash < 0 ? [] : url.AsSpan(hash + 1) is ['?', .. var rest] ? rest : url.AsSpan(hash + 1);
        var beforeHash = hash < 0 ? url.AsSpan() : url.AsSpan(0, hash);
        var question = beforeHash.IndexOf('?');
        return question < 0 ? [] : beforeHash[(question + 1)..];
    }

    // A scheme, then the authority as the WHATWG parser reads it for that scheme: a valid host for the special schemes;
    // for file: a valid host or none (no port, no user); for any other scheme — the private-use ones native apps register
    // (RFC 8252 §7.1) — an opaque host with a valid port, when there is an authority at all.
    private static bool IsAbsolute(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(url[0])) return false;
        var scheme = url.AsSpan(0, colon);
        foreach (var c in scheme)
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.') return false;
        var rest = url.AsSpan(colon + 1);
        foreach (var special in SpecialSchemes)
            if (scheme.Equals(special, StringComparison.OrdinalIgnoreCase)) return HasValidHost(rest);
        return scheme.Equals("file", StringComparison.OrdinalIgnoreCase) ? HasValidFileHost(rest) : HasValidOpaqueAuthority(rest);
    }

    private static bool HasValidHost(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart("/\\");
        var end = rest.IndexOfAny("/\\?#");
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        var hostPort = authority[(at + 1)..]; // no '@' (at = -1): the whole authority
        var close = hostPort.StartsWith("[") ? hostPort.IndexOf(']') : -1;
        var portColon = close >= 0 ? (hostPort.Length > close + 1 ? close + 1 : -1) : hostPort.IndexOf(':');
        var host = portColon < 0 ? hostPort : hostPort[..portColon];
        if (portColon >= 0 && !IsPort(hostPort[portColon..])) return false;
        return WhatwgHost.IsValid(host);
    }

    // file: "//" (either slash) starts a host, which is empty, a Windows drive letter (then it is the path) or a host
    // the special host parser accepts — so no port and no user ("file://h:1/", "file://256.1.1.1/" fail).
    private static bool HasValidFileHost(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 2 || rest[0] is not ('/' or '\\') || rest[1] is not ('/' or '\\')) return true;
        rest = rest[2..];
        var end = rest.IndexOfAny("/\\?#");
        var host = end < 0 ? rest : rest[..end];
        return host.IsEmpty || (host.Length == 2 && char.IsAsciiLetter(host[0]) && host[1] is ':' or '|') || WhatwgHost.IsValid(host);
    }

    // Any other scheme: an authority only after "//" (backslash is no slash here), ending at "/", "?" or "#"; a user
    // needs a host, a port needs a host and digits up to 65535, and the opaque host is bracketed IPv6 or free of the
    // forbidden host code points.
    private static bool HasValidOpaqueAuthority(ReadOnlySpan<char> rest)
    {
        if (!rest.StartsWith("//")) return true;
        rest = rest[2..];
        var end = rest.IndexOfAny("/?#");
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        var hostPort = authority[(at + 1)..]; // no '@' (at = -1): the whole authority
        if (at >= 0 && hostPort.IsEmpty) return false;
        int portColon;
        if (hostPort.StartsWith("["))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) return false;
            portColon = hostPort.Length > close + 1 ? close + 1 : -1;
        }
        else portColon = hostPort.IndexOf(':');
        var host = portColon < 0 ? hostPort : hostPort[..portColon];
        if (portColon >= 0 && (host.IsEmpty || !IsPort(hostPort[portColon..]))) return false;
        return host.StartsWith("[") ? WhatwgHost.IsValid(host) : host.IndexOfAny(ForbiddenHostCodePoints) < 0;
    }

    private static readonly SearchValues<char> ForbiddenHostCodePoints = SearchValues.Create("\0\t\n\r #/:<>?@[\\]^|");

    // ':' and digits; an empty port (":" alone) is allowed, as the URL parser allows it. Never empty: it starts where the host ends.
    private static bool IsPort(ReadOnlySpan<char> colonAndPort)
    {
        if (colonAndPort[0] != ':') return false;
        var digits = colonAndPort[1..];
        if (digits.IsEmpty) return true;
        foreach (var c in digits) if (!char.IsAsciiDigit(c)) return false;
        return int.TryParse(digits, out var port) && port <= 65535;
    }
}

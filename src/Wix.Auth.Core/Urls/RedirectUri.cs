using System.Buffers;

namespace Wix.Auth.Core.Urls;

/// <summary>
/// Which redirect URIs a login may name (<c>spec/pkce.md</c>, step 1): an absolute URI of RFC 3986's characters that a
/// browser and Wix read alike — Wix compares it with the registered URIs as text, a browser goes where it reads it to go.
/// </summary>
internal static class RedirectUri
{
    // RFC 3986's unreserved, reserved and '%' characters, without '#': a redirect URI has no fragment (RFC 6749 §3.1.2).
    private static readonly SearchValues<char> Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?[]@!$&'()*+,;=%");

    // The URL standard's other special schemes, and the schemes a browser keeps for itself: never an app's callback.
    private static readonly string[] RefusedSchemes = ["about", "blob", "data", "file", "ftp", "javascript", "ws", "wss"];

    /// <summary>True when <paramref name="uri"/> may be a login's redirect URI.</summary>
    public static bool IsValid(string uri)
    {
        if (uri.AsSpan().IndexOfAnyExcept(Characters) >= 0 || !EscapesAreWellFormed(uri)) return false;
        var colon = uri.IndexOf(':');
        // Two characters at least: a one-letter scheme is a Windows drive letter (c:/x) to some readers.
        if (colon < 2 || !IsScheme(uri.AsSpan(0, colon))) return false;
        var scheme = uri.AsSpan(0, colon);
        if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            return HttpOrigin.Read(uri, out var end) is not null && !HasDotSegment(uri.AsSpan(end));
        foreach (var refused in RefusedSchemes)
            if (scheme.Equals(refused, StringComparison.OrdinalIgnoreCase)) return false;
        return colon + 1 < uri.Length && !HasDotSegment(uri.AsSpan(colon + 1));
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0])) return false;
        foreach (var c in scheme[1..])
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return false;
        return true;
    }

    // Every '%' starts an escape: two hex digits follow it.
    private static bool EscapesAreWellFormed(string uri)
    {
        for (var i = uri.IndexOf('%'); i >= 0; i = uri.IndexOf('%', i + 1))
            if (i + 2 >= uri.Length || !char.IsAsciiHexDigit(uri[i + 1]) || !char.IsAsciiHexDigit(uri[i + 2])) return false;
        return true;
    }

    // A path segment "." or ".." (a dot also written %2e): a browser removes it, so it would go elsewhere than Wix compared.
    private static bool HasDotSegment(ReadOnlySpan<char> rest)
    {
        var query = rest.IndexOf('?');
        var path = query < 0 ? rest : rest[..query];
        foreach (var range in path.Split('/'))
            if (DotCount(path[range]) is 1 or 2) return true;
        return false;
    }

    // How many dots the segment is made of, each '.' or "%2e"; 0 when it holds anything else (or nothing).
    private static int DotCount(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        while (!segment.IsEmpty)
        {
            if (segment[0] == '.') segment = segment[1..];
            else if (segment.StartsWith("%2e", StringComparison.OrdinalIgnoreCase)) segment = segment[3..];
            else return 0;
            dots++;
        }
        return dots;
    }
}

namespace Wix.Auth.Emulator.Tests.Support;

/// <summary>Reads the parameters of a redirect back as a browser-side client would (URLSearchParams rules).</summary>
internal static class UrlParams
{
    public static Dictionary<string, string> Fragment(Uri location) => Parse(location.Fragment.TrimStart('#'));

    public static Dictionary<string, string> Query(Uri location) => Parse(location.Query.TrimStart('?'));

    public static Dictionary<string, string> Parse(string encoded) => encoded
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Decode(p[0]), p => p.Length > 1 ? Decode(p[1]) : "");

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

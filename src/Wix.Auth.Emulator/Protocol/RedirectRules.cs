using System.Text.RegularExpressions;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>Where an app may send the browser back to, after login and after logout.</summary>
internal static partial class RedirectRules
{
    /// <summary>
    /// Exact match, or, for apps that allow it, a loopback IP literal on any port (RFC 8252 §7.3): the URI as sent must be
    /// the registered one, character for character, but for the port. It is compared as text, never after parsing, since
    /// parsers accept <c>2130706433</c> or <c>127.1</c> for <c>127.0.0.1</c> and undo <c>%63</c> or <c>/../</c> in paths.
    /// </summary>
    public static bool IsAllowedRedirectUri(OAuthApp app, string redirectUri)
    {
        if (app.RedirectUris.Contains(redirectUri, StringComparer.Ordinal)) return true;
        if (!app.AllowLoopbackRedirectOnAnyPort || LoopbackWithoutPort(redirectUri) is not { } requested) return false;
        return app.RedirectUris.Any(registered => LoopbackWithoutPort(registered) == requested);
    }
    /// <summary>A logout <c>postFlowUrl</c> needs only an allowed domain (the host or a subdomain of it).</summary>
    public static bool IsAllowedPostFlowUrl(OAuthApp app, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        uri.Scheme is "http" or "https" &&
        app.PostLogoutDomains.Any(domain =>
            uri.IdnHost.Equals(domain, StringComparison.OrdinalIgnoreCase) ||
            uri.IdnHost.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));

    /// <summary>A redirect URI must be absolute and carry no fragment (RFC 6749 §3.1.2).</summary>
    public static bool IsWellFormedRedirectUri(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Fragment.Length == 0 && !redirectUri.Contains('#');

    // "http://127.0.0.1" or "http://[::1]", then an optional port of 1-65535, then the rest: the URI with the port taken
    // out, or null when it is not one of those literally.
    private static string? LoopbackWithoutPort(string value) =>
        LoopbackPattern().Match(value) is { Success: true } m && (!m.Groups["port"].Success || int.Parse(m.Groups["port"].Value) is > 0 and <= 65535)
            ? m.Groups["host"].Value + m.Groups["rest"].Value
            : null;

    [GeneratedRegex(@"\Ahttp://(?<host>127\.0\.0\.1|\[::1\])(?::(?<port>[1-9][0-9]{0,4}))?(?<rest>/[^#]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LoopbackPattern();
}

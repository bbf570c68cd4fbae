using System.Net;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>Where an app may send the browser back to, after login and after logout.</summary>
internal static class RedirectRules
{
    /// <summary>Exact match, or, for apps that allow it, a loopback IP literal on any port (RFC 8252 §7.3).</summary>
    public static bool IsAllowedRedirectUri(OAuthApp app, string redirectUri)
    {
        if (app.RedirectUris.Contains(redirectUri, StringComparer.Ordinal)) return true;
        if (!app.AllowLoopbackRedirectOnAnyPort || !TryLoopback(redirectUri, out var requested)) return false;
        return app.RedirectUris.Any(registered =>
            TryLoopback(registered, out var allowed) &&
            allowed.Host == requested.Host &&
            allowed.PathAndQuery == requested.PathAndQuery);
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

    private static bool TryLoopback(string value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) &&
        uri.Scheme == "http" &&
        IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) &&
        IPAddress.IsLoopback(ip);
}

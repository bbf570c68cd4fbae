namespace Wix.Auth.Emulator;

/// <summary>An OAuth app (a Wix Headless client) the emulator knows.</summary>
/// <param name="ClientId">The client ID the app sends as <c>clientId</c>.</param>
/// <param name="RedirectUris">Redirect URIs a login may return to; compared exactly, character for character.</param>
/// <param name="PostLogoutDomains">Host names a logout <c>postFlowUrl</c> may point at (a host or any of its subdomains).</param>
/// <param name="AllowLoopbackRedirectOnAnyPort">
/// When true, a redirect URI on a loopback IP literal (<c>http://127.0.0.1:{port}/…</c> or <c>http://[::1]:{port}/…</c>)
/// matches a registered loopback URI whatever its port, as RFC 8252 §7.3 asks of servers for native apps.
/// </param>
public sealed record OAuthApp(
    string ClientId,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutDomains,
    bool AllowLoopbackRedirectOnAnyPort = false);

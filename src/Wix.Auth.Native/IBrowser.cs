namespace Wix.Auth;

/// <summary>
/// Shows the member Wix's login page and hands back the URL Wix redirected to: the system browser with a loopback
/// listener (<see cref="SystemBrowser"/>), MAUI's <c>WebAuthenticator</c> with a custom scheme, an embedded web view.
/// </summary>
/// <remarks>
/// Expected outcomes — the member closed the browser, the time ran out — are <see cref="BrowserResult"/>s, not exceptions.
/// The login flow, not the browser, checks what the URL carries.
/// </remarks>
public interface IBrowser
{
    /// <summary>
    /// Opens <see cref="BrowserOptions.StartUrl"/> and waits until the browser is sent to <see cref="BrowserOptions.EndUrl"/>,
    /// the member gives up, <see cref="BrowserOptions.Timeout"/> passes or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default);
}

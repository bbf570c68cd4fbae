using System.ComponentModel;
using System.Diagnostics;
using Wix.Auth.Native.Loopback;

namespace Wix.Auth;

/// <summary>
/// The RFC 8252 way for a desktop or console app: the login page opens in the member's own browser, and Wix redirects
/// to <see cref="RedirectUri"/>, <c>http://127.0.0.1:{port}/callback</c>, where this browser listens from construction
/// until disposal. Only the callback that carries the login's state is taken; every other request gets 404.
/// </summary>
/// <example>
/// <code>
/// using var browser = new SystemBrowser();
/// var login = await client.LoginAsync(browser, browser.RedirectUri);
/// </code>
/// </example>
public sealed class SystemBrowser : IBrowser, IDisposable
{
    private readonly LoopbackListener listener;
    private readonly Func<string, bool> open;

    /// <summary>Starts listening on the loopback interface, on the port of <paramref name="options"/> (default: any free port).</summary>
    /// <exception cref="ArgumentException">The port or the callback path is not valid.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The port is taken.</exception>
    public SystemBrowser(SystemBrowserOptions? options = null)
    {
        options ??= new SystemBrowserOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        if (options.CallbackPath is not ['/', ..] || options.CallbackPath.AsSpan().IndexOfAny("?# ") >= 0)
            throw new ArgumentException("The callback path must start with '/' and hold no '?', '#' or space.", nameof(options));
        open = options.Open ?? throw new ArgumentException("Open must not be null.", nameof(options));
        listener = new LoopbackListener(options.Port, options.CallbackPath);
    }

    /// <summary>The redirect URI to log in with: <c>http://127.0.0.1:{port}{path}</c>, registered with the OAuth app.</summary>
    public string RedirectUri => listener.RedirectUri;

    /// <summary>
    /// Opens the login page and waits for the callback. A cancelled <paramref name="cancellationToken"/> throws
    /// <see cref="OperationCanceledException"/>; one login at a time.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="BrowserOptions.EndUrl"/> is not <see cref="RedirectUri"/>.</exception>
    public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EndUrl != RedirectUri)
            throw new ArgumentException($"This browser receives redirects to {RedirectUri} only, not to {options.EndUrl}.", nameof(options));

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var callback = listener.WaitForCallbackAsync(options.State, waiting.Token);   // listening before the page can answer
        try
        {
            if (!open(options.StartUrl)) return BrowserResult.Failed("The system browser could not be opened.");
            return BrowserResult.Success(await callback.WaitAsync(options.Timeout, cancellationToken).ConfigureAwait(false));
        }
        catch (TimeoutException)
        {
            return BrowserResult.Timeout();
        }
        finally
        {
            await waiting.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(callback).ConfigureAwait(false);   // the listener takes no callback for this login any more
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => listener.Dispose();

    /// <summary>
    /// Opens <paramref name="url"/> in the operating system's browser (<c>xdg-open</c> on Linux, <c>open</c> on macOS, the
    /// shell on Windows); false when there is none. The URL is passed as one argument, never through a shell command line.
    /// </summary>
    public static bool OpenWithOperatingSystem(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open") { ArgumentList = { url }, UseShellExecute = false };
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}

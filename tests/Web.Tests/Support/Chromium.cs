using Microsoft.Playwright;

namespace Wix.Auth.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver — no browser download: headless, a fresh temporary profile
/// per launch, and nothing that phones home.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private Chromium(IPlaywright playwright, IBrowser browser) => (Playwright, Browser) = (playwright, browser);

    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath)) throw new InvalidOperationException($"{ExecutablePath} is missing; scripts/test.sh installs it (apt-get install chromium).");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Timeout = 30_000,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}

/// <summary>One browser for a test class: launching Chromium costs seconds; each test gets its own context (own cookies).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    internal Chromium Chromium { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Chromium = await Chromium.LaunchAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Chromium.DisposeAsync();
}

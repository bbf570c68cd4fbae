using Wix.Auth.Core.Flow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;

namespace Wix.Auth.Web.Tests.Support;

/// <summary>The demo site on a free loopback port, talking to an emulator the test owns.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    private TestSite(WixEmulator emulator, WebSiteHost site) => (Emulator, Site) = (emulator, site);

    public WixEmulator Emulator { get; }
    public WebSiteHost Site { get; }
    public Uri Url => Site.BaseUrl;

    public static async Task<TestSite> StartAsync(Func<EmulatorOptions, EmulatorOptions>? emulator = null, Func<WebSiteOptions, WebSiteOptions>? site = null)
    {
        var emu = await WixEmulator.StartAsync((emulator ?? (o => o))(WebSiteHost.DemoEmulator));
        return new TestSite(emu, await StartSiteAsync(emu.BaseUrl, site));
    }

    /// <summary>An instance of the demo site on a free port (or <paramref name="url"/>) using the emulator at <paramref name="apiBaseUrl"/>.</summary>
    public static Task<WebSiteHost> StartSiteAsync(Uri apiBaseUrl, Func<WebSiteOptions, WebSiteOptions>? site = null, string url = "http://127.0.0.1:0") =>
        WebSiteHost.StartAsync((site ?? (o => o))(new WebSiteOptions
        {
            Url = url,
            ApiBaseUrl = apiBaseUrl,
            EmulatorOutbox = new Uri(apiBaseUrl, "_emulator/outbox"),
            ResponseMode = ResponseMode.Query,
            MinimumLogLevel = LogLevel.Warning,
        }));

    /// <summary>The access and refresh token the site keeps for <paramref name="browser"/>'s session, to look for them where they must not be.</summary>
    public async Task<string[]> SessionSecretsAsync(SiteBrowser browser)
    {
        var key = SessionId.KeyOf(browser.Cookie(Url, "wix.session")) ?? throw new InvalidOperationException("The browser has no session.");
        var stored = await Site.Services.GetRequiredService<ISessionStore>().GetAsync(key, default);
        var tokens = LanguageExt.Prelude.Optional(stored).Bind(LoginQueries.TokensOf).Match(t => t, () => throw new InvalidOperationException("No tokens are stored for the session."));
        return [tokens.AccessToken.Value.Reveal(), tokens.RefreshToken.Value.Reveal()];
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

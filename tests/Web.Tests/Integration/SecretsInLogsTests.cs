using Microsoft.Extensions.Logging;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>A whole login and logout with the site logging at Trace: no code, token or session id in any line.</summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task No_secret_of_a_whole_flow_reaches_the_log()
    {
        var logs = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(site: o => o with { MinimumLogLevel = LogLevel.Trace, Logging = l => l.AddProvider(logs) });
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        using (await browser.GetAsync(callback)) { }
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));

        var sessionId = browser.Cookie(site.Url, "wix.session")!;
        var tokens = await site.SessionSecretsAsync(browser);
        using (await browser.LogOutAsync(site.Url)) { }

        Assert.Contains(logs.Lines, l => l.Contains(" Wix.Auth.Effects.", StringComparison.Ordinal));
        var log = string.Join("\n", logs.Lines);
        foreach (var secret in tokens.Append(code).Append(sessionId))
            Assert.DoesNotContain(secret, log);
    }
}

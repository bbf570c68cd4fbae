using System.Diagnostics;
using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// Anonymous logins are bounded (issue 15, finding 4): per client and in total, refused ones cost no pending login and no
/// call to Wix, and no member's request waits out Wix's <c>Retry-After</c>.
/// </summary>
public sealed class LoginBoundsTests
{
    [Fact]
    public async Task Logins_past_the_per_client_limit_get_429_with_Retry_After_and_cost_no_call_to_Wix()
    {
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.LoginsPerClientPerMinute = 5 });
        using var client = new SiteBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync(new Uri(site.Url, "auth/login"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Found));
        Assert.Equal(35, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, site.Emulator.RequestLog.Count(EmulatorEndpoint.Token));
        Assert.Equal(5, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));
    }

    [Fact]
    public async Task Logins_past_the_total_limit_get_429_whoever_asks()
    {
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => (w.LoginsPerClientPerMinute, w.LoginsPerMinute) = (3, 3) });
        for (var i = 0; i < 3; i++)
        {
            using var browser = new SiteBrowser();
            using var ok = await browser.GetAsync(new Uri(site.Url, "auth/login"));
            Assert.Equal(HttpStatusCode.Found, ok.StatusCode);
        }
        using var another = new SiteBrowser();
        using var refused = await another.GetAsync(new Uri(site.Url, "auth/login"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Wix_answering_429_with_a_long_Retry_After_is_not_waited_out_the_member_gets_503_within_the_budget()
    {
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.WixTimeBudget = TimeSpan.FromSeconds(2) });
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 429, retryAfterSeconds: 30));
        using var browser = new SiteBrowser();

        var clock = Stopwatch.StartNew();
        using var response = await browser.GetAsync(new Uri(site.Url, "auth/login"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal("remote_call_failed", SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Null(browser.Cookie(new Uri(site.Url, "auth/"), "wix.login"));
    }
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>Callbacks that must not log anyone in: each gets the error page (400, a code, no stack trace) and no session.</summary>
public sealed class HostileCallbackTests
{
    [Fact]
    public async Task A_cancelled_login_shows_the_cancelled_page_and_starts_no_session()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.CancelAtWixAsync(await browser.BeginLoginAsync(site.Url));
        var page = await AssertRefusedAsync(browser, site, callback, "authorization_denied");
        Assert.Contains("You cancelled the login", page);
        Assert.Contains("<title>Login cancelled</title>", page);
    }

    [Fact]
    public async Task A_callback_with_another_state_is_refused()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        var forged = new Uri(site.Url, "auth/callback?code=stolen&state=" + new string('A', 43));
        await AssertRefusedAsync(browser, site, forged, "state_mismatch");
    }

    [Fact]
    public async Task A_callback_in_a_browser_that_began_no_login_is_refused()
    {
        await using var site = await TestSite.StartAsync();
        using var attacker = new SiteBrowser();
        var attackersCallback = await attacker.SignInAtWixAsync(await attacker.BeginLoginAsync(site.Url), DemoData.Alan);
        using var victim = new SiteBrowser();
        // Login CSRF: the attacker's own valid callback, opened in the victim's browser, must not log the victim in as the attacker.
        await AssertRefusedAsync(victim, site, attackersCallback, "no_pending_login");
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_even_with_the_ticket_put_back()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        var ticket = browser.Cookie(new Uri(site.Url, "auth/"), "wix.login")!;
        using (var first = await browser.GetAsync(callback)) Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        var session = browser.Cookie(site.Url, "wix.session");

        using var thief = new SiteBrowser();
        thief.Cookies.Add(new Uri(site.Url, "auth/"), new Cookie("wix.login", ticket, "/auth"));
        await AssertRefusedAsync(thief, site, callback, "no_pending_login");
        Assert.Equal(session, browser.Cookie(site.Url, "wix.session"));
    }

    [Theory]
    [InlineData("another state", "state_mismatch")]
    [InlineData("not a ticket", "no_pending_login")]
    public async Task A_tampered_ticket_is_refused(string tampering, string code)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        var ticket = browser.Cookie(new Uri(site.Url, "auth/"), "wix.login")!;
        var tampered = tampering == "another state" ? ticket[..^4] + "AAAA" : "x" + ticket;
        browser.Cookies.Add(new Uri(site.Url, "auth/"), new Cookie("wix.login", tampered, "/auth"));
        await AssertRefusedAsync(browser, site, callback, code);
    }

    [Fact]
    public async Task A_login_completed_after_its_time_to_live_is_refused_as_expired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var site = await TestSite.StartAsync(site: o => o with { TimeProvider = clock });
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var page = await AssertRefusedAsync(browser, site, callback, "pending_login_expired");
        Assert.Contains("expired", page);
    }

    [Theory]
    [InlineData("auth/callback")]
    [InlineData("auth/callback?code=a&code=b&state=s")]
    [InlineData("auth/callback?state=s")]
    public async Task A_malformed_callback_is_refused(string path)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        await browser.BeginLoginAsync(site.Url);
        using var response = await browser.GetAsync(new Uri(site.Url, path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Null(browser.Cookie(site.Url, "wix.session"));
    }

    private static async Task<string> AssertRefusedAsync(SiteBrowser browser, TestSite site, Uri callback, string code)
    {
        using var response = await browser.GetAsync(callback);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, SiteBrowser.ErrorCode(page));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("wix.session=", StringComparison.Ordinal)));
        Assert.Null(browser.Cookie(site.Url, "wix.session"));
        Assert.DoesNotContain(" at ", page);
        Assert.DoesNotContain("code=", page);
        return page;
    }
}

using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>The whole path of a member over real HTTP: visitor, login at the emulator, member page, logout, visitor again.</summary>
public sealed class LoginFlowTests
{
    [Fact]
    public async Task A_member_logs_in_sees_their_name_and_logs_out()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        Assert.Contains("You are a visitor.", await browser.HomeAsync(site.Url));

        using var callback = await browser.LogInAsync(site.Url, DemoData.Ada, "/account?tab=1");
        Assert.Equal("/account?tab=1", callback.Headers.Location!.OriginalString);
        var home = await browser.HomeAsync(site.Url);
        Assert.Equal("Ada Lovelace", SiteBrowser.MemberName(home));
        Assert.Contains("id=\"token-expiry\"", home);
        using (var account = await browser.GetAsync(new Uri(site.Url, "account"))) Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var sessionId = browser.Cookie(site.Url, "wix.session");
        Assert.NotNull(sessionId);

        using var logout = await browser.LogOutAsync(site.Url);
        var wixLogout = SiteBrowser.Redirected(logout);
        Assert.Equal(site.Emulator.BaseUrl.Authority, wixLogout.Authority);
        Assert.Null(browser.Cookie(site.Url, "wix.session"));
        using var back = await browser.GetAsync(wixLogout);
        Assert.Equal(site.Url, SiteBrowser.Redirected(back));
        Assert.Null(await browser.MemberNameAsync(site.Url));

        // The old cookie names a session that no longer exists on the server.
        browser.Cookies.Add(site.Url, new Cookie("wix.session", sessionId));
        Assert.Contains("You are a visitor.", await browser.HomeAsync(site.Url));
    }

    [Fact]
    public async Task Tokens_never_reach_the_browser()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using var callback = await browser.LogInAsync(site.Url, DemoData.Alan);
        var home = await browser.HomeAsync(site.Url);
        Assert.Equal("Alan Turing", SiteBrowser.MemberName(home));

        var secrets = await site.SessionSecretsAsync(browser);
        var cookies = string.Join(";", browser.Cookies.GetAllCookies().Select(c => c.Value));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, home);
            Assert.DoesNotContain(secret, cookies);
        }
    }

    [Fact]
    public async Task A_members_only_page_sends_a_visitor_to_log_in_and_back()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using var challenge = await browser.GetAsync(new Uri(site.Url, "account"));
        Assert.Equal(HttpStatusCode.Found, challenge.StatusCode);
        Assert.Equal("/auth/login?returnUrl=%2Faccount", challenge.Headers.Location!.OriginalString);

        var authUrl = SiteBrowser.Redirected(await browser.GetAsync(SiteBrowser.Redirected(challenge)));
        using var callback = await browser.GetAsync(await browser.SignInAtWixAsync(authUrl, DemoData.Ada));
        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_Lax_sitewide_and_not_Secure_on_plain_http()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using var login = await browser.GetAsync(new Uri(site.Url, "auth/login"));
        var pending = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wix.login=", StringComparison.Ordinal));
        Assert.Contains("httponly", pending);
        Assert.Contains("samesite=lax", pending);
        Assert.Contains("path=/auth", pending);

        using var callback = await browser.GetAsync(await browser.SignInAtWixAsync(SiteBrowser.Redirected(login), DemoData.Ada));
        var session = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wix.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=lax", session);
        Assert.Contains("path=/;", session + ";");
        Assert.DoesNotContain("secure", session);
        Assert.DoesNotContain("expires", session);
        Assert.Matches("^wix.session=[A-Za-z0-9_-]{43};", session);
    }
}

using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// Login CSRF through silent login (issue 26, finding 1): an attacker who logs in with the site's own form keeps the Wix URL
/// that carries their session token; opened in a victim's browser it plants the attacker's Wix session there. A login that
/// can end without a page then starts only from the site itself, and a silent login that comes back as someone else never
/// replaces the member's own session.
/// </summary>
public sealed class LoginCsrfTests
{
    [Theory]
    [InlineData("auth/login?prompt=none", "cross-site")]
    [InlineData("auth/login?prompt=none", "same-site")]
    [InlineData("auth/login?prompt=none", null)]
    [InlineData("auth/login?provider=google", "cross-site")]
    [InlineData("auth/login?provider=google", null)]
    public async Task A_login_that_needs_no_page_is_not_started_by_another_site(string path, string? fetchSite)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        using var response = fetchSite is null ? await browser.GetAsync(new Uri(site.Url, path)) : await browser.NavigateAsync(new Uri(site.Url, path), fetchSite);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("id=\"continue-login\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));
        Assert.Null(browser.Cookie(new Uri(site.Url, "auth/"), "wix.login"));
    }

    [Fact]
    public async Task A_login_with_wixs_page_may_still_be_linked_from_anywhere()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        using var response = await browser.NavigateAsync(new Uri(site.Url, "auth/login"), "cross-site");

        Assert.Equal(site.Emulator.BaseUrl.Authority, SiteBrowser.Redirected(response).Authority);
    }

    [Fact]
    public async Task The_continue_button_starts_the_silent_login_with_the_sites_token_and_nothing_starts_without_it()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using var asked = await browser.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none&returnUrl=%2Faccount"), "cross-site");
        var token = SiteBrowser.AntiforgeryToken(await asked.Content.ReadAsStringAsync())!;

        using (var forged = await browser.PostFormAsync(new Uri(site.Url, "auth/login"), ("prompt", "none"), ("returnUrl", "/account")))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));

        using var confirmed = await browser.PostFormAsync(new Uri(site.Url, "auth/login"),
            ("__RequestVerificationToken", token), ("prompt", "none"), ("returnUrl", "/account"), ("provider", ""));
        Assert.Equal(site.Emulator.BaseUrl.Authority, SiteBrowser.Redirected(confirmed).Authority);
        Assert.Equal("none", site.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession)[^1].Body!["auth"]!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wix_session_planted_by_an_attackers_session_token_url_never_replaces_a_members_session()
    {
        await using var site = await TestSite.StartAsync();
        using var victim = new SiteBrowser();
        using (await victim.LogInAsync(site.Url, DemoData.Ada)) { }
        Assert.Equal("Ada Lovelace", await victim.MemberNameAsync(site.Url));

        // The attacker logs in with the site's form and keeps the Wix URL instead of following it.
        using var attacker = new SiteBrowser();
        var planted = await SignInWithFormAsync(attacker, site, DemoData.Alan);
        // The victim opens it (a link, an image): Wix now has the attacker's session for the victim's browser.
        using (var opened = await victim.GetAsync(planted)) Assert.Equal(HttpStatusCode.Found, opened.StatusCode);

        // Another site cannot start the silent login that would use it.
        using (var crossSite = await victim.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none"), "cross-site"))
            Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        // And when the site's own page starts one, it comes back as the attacker, and the member's session stays hers.
        using var start = await victim.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none"));
        using var atWix = await victim.GetAsync(SiteBrowser.Redirected(start));
        using var done = await victim.GetAsync(SiteBrowser.Redirected(atWix));

        Assert.Equal(HttpStatusCode.Found, done.StatusCode);
        Assert.Equal("Ada Lovelace", await victim.MemberNameAsync(site.Url));

        // The plant was real: once the site has forgotten her, the same silent login makes the browser the attacker's.
        victim.Cookies.GetCookies(site.Url)["wix.session"]!.Expired = true;
        using var again = await victim.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none"));
        using var atWixAgain = await victim.GetAsync(SiteBrowser.Redirected(again));
        using (await victim.GetAsync(SiteBrowser.Redirected(atWixAgain))) { }
        Assert.Equal("Alan Turing", await victim.MemberNameAsync(site.Url));
    }

    [Fact]
    public async Task A_silent_login_as_the_same_member_renews_the_session()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }
        var before = browser.Cookie(site.Url, "wix.session");

        using var start = await browser.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none"));
        using var atWix = await browser.GetAsync(SiteBrowser.Redirected(start));
        using var done = await browser.GetAsync(SiteBrowser.Redirected(atWix));

        Assert.Equal(HttpStatusCode.Found, done.StatusCode);
        Assert.NotEqual(before, browser.Cookie(site.Url, "wix.session"));
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
    }

    /// <summary>The site's own login form, stopped at its redirect: the Wix URL with the member's session token.</summary>
    private static async Task<Uri> SignInWithFormAsync(SiteBrowser browser, TestSite site, DemoMember member)
    {
        var token = await browser.FormTokenAsync(site.Url);
        using var response = await browser.PostFormAsync(new Uri(site.Url, "auth/member/login"),
            ("__RequestVerificationToken", token), ("email", member.Email), ("password", member.Password));
        var toWix = SiteBrowser.Redirected(response);
        Assert.Equal(site.Emulator.BaseUrl.Authority, toWix.Authority);
        return toWix;
    }
}

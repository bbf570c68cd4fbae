using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// Silent login (<c>/auth/login?prompt=none</c>): a member with a session at Wix comes back logged in without a form; a
/// visitor comes back where they were, anonymous, without an error page. And "Continue with Google" on the emulator.
/// </summary>
public sealed class SilentAndSocialLoginTests
{
    [Fact]
    public async Task A_member_with_a_wix_session_is_logged_in_silently_without_a_form()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }
        browser.Cookies.GetCookies(site.Url)["wix.session"]!.Expired = true;   // the site forgot them; Wix did not
        Assert.Null(await browser.MemberNameAsync(site.Url));

        using var start = await browser.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none&returnUrl=%2Faccount"));
        using var atWix = await browser.GetAsync(SiteBrowser.Redirected(start));
        var callback = SiteBrowser.Redirected(atWix);
        using var done = await browser.GetAsync(callback);

        Assert.Equal(site.Url.Authority, callback.Authority);
        Assert.Equal("/account", SiteBrowser.Redirected(done).AbsolutePath);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
        Assert.Equal("none", site.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession)[^1].Body!["auth"]!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_visitor_comes_back_quietly_anonymous_and_without_an_error_page()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        using var start = await browser.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none&returnUrl=%2F%3Fpage%3D2"));
        using var atWix = await browser.GetAsync(SiteBrowser.Redirected(start));
        var callback = SiteBrowser.Redirected(atWix);
        using var done = await browser.GetAsync(callback);

        Assert.Equal("login_required", System.Web.HttpUtility.ParseQueryString(callback.Query)["error"]);
        Assert.Equal(HttpStatusCode.Found, done.StatusCode);
        Assert.Equal("/?page=2", done.Headers.Location!.OriginalString);
        Assert.Null(browser.Cookie(site.Url, "wix.session"));
        Assert.Contains("You are a visitor.", await browser.HomeAsync(site.Url));
    }

    [Fact]
    public async Task A_login_required_answer_to_a_login_with_the_page_is_still_an_error()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var authUrl = await browser.BeginLoginAsync(site.Url);
        var state = System.Web.HttpUtility.ParseQueryString((await StateOfLoginAsync(site)).Query)["state"];

        using var forged = await browser.GetAsync(new Uri(site.Url, $"auth/callback?error=login_required&error_description=x&state={state}"));

        Assert.Equal("authorization_denied", SiteBrowser.ErrorCode(await forged.Content.ReadAsStringAsync()));
        Assert.NotNull(authUrl);
    }

    [Fact]
    public async Task Continue_with_google_logs_the_member_in_through_the_providers_page()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        using var start = await browser.NavigateAsync(new Uri(site.Url, "auth/login?provider=google"));
        using var toProvider = await browser.GetAsync(SiteBrowser.Redirected(start));
        var providerPage = SiteBrowser.Redirected(toProvider);
        using var chosen = await browser.PostFormAsync(providerPage, ("email", DemoData.Alan.Email), ("name", ""), ("action", "continue"));
        using var done = await browser.GetAsync(SiteBrowser.Redirected(chosen));

        Assert.Equal("/_idp/authorize", providerPage.AbsolutePath);
        Assert.Equal(HttpStatusCode.Found, done.StatusCode);
        Assert.Equal("Alan Turing", await browser.MemberNameAsync(site.Url));
    }

    // The authorize URL the site built for the login in progress: the emulator logged its Redirect Session.
    private static Task<Uri> StateOfLoginAsync(TestSite site)
    {
        var request = site.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession)[^1].Body!["auth"]!["authRequest"]!;
        return Task.FromResult(new Uri("http://x/?state=" + Uri.EscapeDataString(request["state"]!.GetValue<string>())));
    }
}

using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>When Wix fails, the member gets a page that says so — and never half a session.</summary>
public sealed class WixFailureTests
{
    [Fact]
    public async Task A_failed_code_exchange_shows_the_error_page_and_starts_no_session()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 500));

        using var response = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("remote_call_failed", SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Null(browser.Cookie(site.Url, "wix.session"));
        Assert.Contains("You are a visitor.", await browser.HomeAsync(site.Url));
    }

    [Fact]
    public async Task A_login_Wix_refuses_to_start_shows_the_error_page_and_binds_nothing()
    {
        await using var site = await TestSite.StartAsync();
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.RedirectSession, 400));
        using var browser = new SiteBrowser();
        using var response = await browser.GetAsync(new Uri(site.Url, "auth/login"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("remote_call_failed", SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Null(browser.Cookie(new Uri(site.Url, "auth/"), "wix.login"));
    }

    [Fact]
    public async Task Logout_while_Wix_refuses_still_ends_the_local_session()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.RedirectSession, 400));

        using var logout = await browser.LogOutAsync(site.Url);
        Assert.Equal(site.Url, SiteBrowser.Redirected(logout));
        Assert.Contains("You are a visitor.", await browser.HomeAsync(site.Url));
    }
}

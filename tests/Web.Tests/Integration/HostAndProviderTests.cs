using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// Links from configuration, never from the request (issue 26, findings 3 and 4): a request whose Host is not the site's
/// is refused with 400 before anything runs, every absolute URL the site mails or sends starts with its configured origin,
/// and a provider the site does not offer is the request's fault (400), reaching Wix never.
/// </summary>
public sealed class HostAndProviderTests
{
    [Theory]
    [InlineData("auth/login")]
    [InlineData("auth/login?provider=google")]
    [InlineData("auth/callback?code=c&state=s")]
    [InlineData("auth/callback-fragment")]
    public async Task A_request_for_a_host_that_is_not_the_sites_gets_400_and_reaches_nothing(string path)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        using var response = await browser.SendWithHostAsync(new Uri(site.Url, path), "evil.example:" + site.Url.Port);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.Token));
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));
    }

    [Fact]
    public async Task A_reset_form_posted_for_a_foreign_host_mails_nothing()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var token = await browser.FormTokenAsync(site.Url);

        using var response = await browser.SendWithHostAsync(new Uri(site.Url, "auth/member/reset"), "shop.example.evil:" + site.Url.Port,
            ("__RequestVerificationToken", token), ("email", DemoData.Ada.Email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(site.Emulator.Outbox.To(DemoData.Ada.Email));
    }

    [Fact]
    public async Task The_reset_link_starts_with_the_sites_configured_origin_whatever_host_the_request_named()
    {
        // An alias the site answers (a proxy's internal name) is still not where links point.
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.AllowedHosts.Add("alias.internal") });
        using var browser = new SiteBrowser();
        var token = await browser.FormTokenAsync(site.Url);

        using var response = await browser.SendWithHostAsync(new Uri(site.Url, "auth/member/reset"), "alias.internal",
            ("__RequestVerificationToken", token), ("email", DemoData.Ada.Email));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var link = new Uri(site.Emulator.Outbox.To(DemoData.Ada.Email)[^1].Link!);
        Assert.Equal(site.Url.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.Equal("/sign-in", link.AbsolutePath);
    }

    [Fact]
    public async Task The_redirect_uri_sent_to_Wix_is_the_configured_one_for_an_allowed_alias()
    {
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.AllowedHosts.Add("alias.internal") });
        using var browser = new SiteBrowser();

        using var response = await browser.SendWithHostAsync(new Uri(site.Url, "auth/login"), "alias.internal");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var sent = site.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession)[^1].Body!["auth"]!["authRequest"]!["redirectUri"]!.GetValue<string>();
        Assert.Equal(site.Url.GetLeftPart(UriPartial.Authority) + "/auth/callback", sent);
    }

    [Theory]
    [InlineData("Google")]
    [InlineData("twitter")]
    [InlineData("0e6a50f5-b523-4e29-990d-f37fa2ffdd69")]
    public async Task A_provider_the_site_does_not_offer_is_400_and_costs_no_call_to_Wix(string provider)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        using var response = await browser.NavigateAsync(new Uri(site.Url, "auth/login?provider=" + Uri.EscapeDataString(provider)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown_identity_provider", SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.Token));
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));
    }
}

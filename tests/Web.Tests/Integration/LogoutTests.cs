using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>Logout is a POST with this site's antiforgery token: another site cannot log a member out.</summary>
public sealed class LogoutTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("forged-token")]
    public async Task A_logout_without_a_valid_antiforgery_token_is_refused_and_the_member_stays(string? token)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }
        await browser.HomeAsync(site.Url);

        using var response = token is null
            ? await browser.PostFormAsync(new Uri(site.Url, "auth/logout"))
            : await browser.PostFormAsync(new Uri(site.Url, "auth/logout"), ("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Logout refused", await response.Content.ReadAsStringAsync());
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
    }

    [Fact]
    public async Task Logout_by_GET_is_not_a_thing()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }
        using var response = await browser.GetAsync(new Uri(site.Url, "auth/logout"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
    }

    [Fact]
    public async Task Another_members_antiforgery_token_does_not_log_this_member_out()
    {
        await using var site = await TestSite.StartAsync();
        using var ada = new SiteBrowser();
        using var alan = new SiteBrowser();
        using (await ada.LogInAsync(site.Url, DemoData.Ada)) { }
        using (await alan.LogInAsync(site.Url, DemoData.Alan)) { }
        var alansToken = SiteBrowser.AntiforgeryToken(await alan.HomeAsync(site.Url))!;
        await ada.HomeAsync(site.Url);
        using var response = await ada.PostFormAsync(new Uri(site.Url, "auth/logout"), ("__RequestVerificationToken", alansToken));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ada Lovelace", await ada.MemberNameAsync(site.Url));
    }
}

using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>The app's own HttpClient carries the member of the current request, refreshing the token when due.</summary>
public sealed class MemberTokenTests
{
    [Fact]
    public async Task A_member_whose_access_token_is_due_is_refreshed_and_still_sees_their_name()
    {
        // Tokens that live less than the refresh margin are due at once: every page refreshes them first.
        await using var site = await TestSite.StartAsync(o => o with { AccessTokenLifetime = TimeSpan.FromSeconds(30) });
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }

        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
        Assert.True(site.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token") >= 2);
    }

    [Fact]
    public async Task Two_members_at_once_each_get_their_own_token_on_the_same_HttpClient_registration()
    {
        await using var site = await TestSite.StartAsync();
        using var ada = new SiteBrowser();
        using var alan = new SiteBrowser();
        using (await ada.LogInAsync(site.Url, DemoData.Ada)) { }
        using (await alan.LogInAsync(site.Url, DemoData.Alan)) { }
        var names = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? ada : alan).MemberNameAsync(site.Url)));
        Assert.All(names.Where((_, i) => i % 2 == 0), n => Assert.Equal("Ada Lovelace", n));
        Assert.All(names.Where((_, i) => i % 2 == 1), n => Assert.Equal("Alan Turing", n));
    }
}

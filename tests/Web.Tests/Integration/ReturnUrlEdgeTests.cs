using System.Net;
using StackExchange.Redis;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// Return URLs that pass as "local" but cannot be a <c>Location</c> header or a cookie as they are (issue 15, finding 1):
/// the login still completes, to a page of this site, and leaves nothing half-made — no 500 after the code is spent, no token pair under
/// a session nobody holds, the previous session replaced only by a working one.
/// </summary>
/// <remarks>
/// Which return URLs are allowed, and how they are made sendable, is the core's return-URL policy; these tests hold it to
/// that through the web host, and the endpoint settles its redirect before it stores anything.
/// </remarks>
public sealed class ReturnUrlEdgeTests
{
    public static TheoryData<string> Unsendable => new("/café", "/a\u200Bb", "/\uFF0Fevil.example", "/\u00A0", "/x\u2028y");

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task A_return_url_that_cannot_be_a_Location_header_ends_on_the_home_page_with_one_session_and_no_orphaned_tokens(string returnUrl)
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var site = await TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = redis.ConnectionString });
        using var browser = new SiteBrowser();
        using (var first = await browser.LogInAsync(site.BaseUrl, DemoData.Ada)) Assert.Equal(HttpStatusCode.Found, first.StatusCode);

        using var second = await browser.LogInAsync(site.BaseUrl, DemoData.Alan, returnUrl);

        Assert.Equal(HttpStatusCode.Found, second.StatusCode);
        // The home page, or the same path percent-encoded: on this site, and sendable as it is.
        var location = second.Headers.Location!.OriginalString;
        Assert.True(location.StartsWith('/') && !location.StartsWith("//") && location.All(c => c is > ' ' and < '\x7f'), location);
        Assert.Equal("Alan Turing", await browser.MemberNameAsync(site.BaseUrl));
        Assert.Equal(1, await TokenEntriesAsync(redis));
    }

    [Fact]
    public async Task A_return_url_too_long_for_the_login_cookie_is_replaced_and_the_login_completes()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var authUrl = await browser.BeginLoginAsync(site.Url, "/" + new string('a', 3000));
        var ticket = browser.Cookie(new Uri(site.Url, "auth/"), "wix.login");
        Assert.NotNull(ticket);
        Assert.True(ticket.Length < 4000, $"the login cookie is {ticket.Length} characters");

        using var response = await browser.GetAsync(await browser.SignInAtWixAsync(authUrl, DemoData.Ada));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private static async Task<int> TokenEntriesAsync(RedisServer redis)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        return connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "wix:{*}:session").Count();
    }
}

using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the site behind one Redis, as behind a load balancer: the browser's cookies go to both (cookies are
/// per host), pending logins and tokens live in Redis — one node, or a Redis Cluster (issue 25).
/// </summary>
public sealed class RedisScaleOutTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(RedisKind.Node)]
    [InlineData(RedisKind.Cluster)]
    public async Task A_login_begun_on_one_instance_completes_on_the_other_and_the_session_works_on_both(RedisKind kind)
    {
        await using var redis = await cluster.TargetAsync(kind);
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var a = await StartInstanceAsync(emulator, redis);
        await using var b = await StartInstanceAsync(emulator, redis);
        using var browser = new SiteBrowser();

        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(a.BaseUrl), DemoData.Ada);
        Assert.Equal(a.BaseUrl.Port, callback.Port);
        var ticket = browser.Cookie(new Uri(a.BaseUrl, "auth/"), "wix.login")!;
        var onB = OnInstance(callback, b);
        using (var response = await browser.GetAsync(onB)) Assert.Equal(HttpStatusCode.Found, response.StatusCode);

        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(a.BaseUrl));
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(b.BaseUrl));

        // Single use holds across instances: the same callback replayed on the first instance, ticket and all, is refused.
        using var thief = new SiteBrowser();
        thief.Cookies.Add(new Uri(a.BaseUrl, "auth/"), new Cookie("wix.login", ticket, "/auth"));
        using var replay = await thief.GetAsync(callback);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("no_pending_login", SiteBrowser.ErrorCode(await replay.Content.ReadAsStringAsync()));

        // A logout form rendered by one instance is accepted by the other (shared key ring), and ends the session for both.
        var token = SiteBrowser.AntiforgeryToken(await browser.HomeAsync(a.BaseUrl))!;
        using (var logout = await browser.PostFormAsync(new Uri(b.BaseUrl, "auth/logout"), ("__RequestVerificationToken", token)))
            Assert.Equal(HttpStatusCode.Found, logout.StatusCode);
        Assert.Null(await browser.MemberNameAsync(a.BaseUrl));
    }

    [Theory]
    [InlineData(RedisKind.Node)]
    [InlineData(RedisKind.Cluster)]
    public async Task Instances_restarted_mid_flow_lose_neither_the_pending_login_nor_the_session(RedisKind kind)
    {
        await using var redis = await cluster.TargetAsync(kind);
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        var a = await StartInstanceAsync(emulator, redis);
        await using var b = await StartInstanceAsync(emulator, redis);
        using var browser = new SiteBrowser();

        var authUrl = await browser.BeginLoginAsync(a.BaseUrl);
        var aUrl = a.BaseUrl;
        await a.DisposeAsync();                                   // A goes down while the member is at Wix
        var callback = await browser.SignInAtWixAsync(authUrl, DemoData.Alan);
        await using (var restarted = await StartInstanceAsync(emulator, redis, aUrl.ToString()))
        {
            using (var response = await browser.GetAsync(callback)) Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("Alan Turing", await browser.MemberNameAsync(restarted.BaseUrl));
            Assert.Equal("Alan Turing", await browser.MemberNameAsync(b.BaseUrl));
        }                                                         // and down again, with the member logged in

        await using var again = await StartInstanceAsync(emulator, redis, aUrl.ToString());
        Assert.Equal("Alan Turing", await browser.MemberNameAsync(again.BaseUrl));
    }

    private static Task<WebSiteHost> StartInstanceAsync(WixEmulator emulator, IRedisTarget redis, string url = "http://127.0.0.1:0") =>
        TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = redis.ConnectionString }, url);

    private static Uri OnInstance(Uri url, WebSiteHost instance) => new UriBuilder(url) { Port = instance.BaseUrl.Port }.Uri;
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.ScaleOut;

/// <summary>
/// Refresh is single-flight across the farm (issue 15, finding 8): when a member's access token expires, the instances
/// sharing Redis (one node, or a Redis Cluster: issue 25) send one refresh between them, however many requests each serves
/// at that moment.
/// </summary>
public sealed class FarmRefreshTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(RedisKind.Node)]
    [InlineData(RedisKind.Cluster)]
    public async Task Two_instances_serving_a_member_with_an_expired_token_send_one_refresh_between_them(RedisKind kind)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var redis = await cluster.TargetAsync(kind);
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator with { TimeProvider = time });
        await using var a = await StartInstanceAsync(emulator, redis, time);
        await using var b = await StartInstanceAsync(emulator, redis, time);
        using var browser = new SiteBrowser();
        using (var login = await browser.LogInAsync(a.BaseUrl, DemoData.Ada)) Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(b.BaseUrl));

        time.Advance(emulator.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));
        // The refresh takes a while at Wix, so the instances' refreshes would overlap.
        emulator.Faults.Add(FaultSpec.Latency(EmulatorEndpoint.Token, TimeSpan.FromMilliseconds(400)));
        var names = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => browser.MemberNameAsync(i % 2 == 0 ? a.BaseUrl : b.BaseUrl)));

        Assert.All(names, name => Assert.Equal("Ada Lovelace", name));
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
    }

    private static Task<WebSiteHost> StartInstanceAsync(WixEmulator emulator, IRedisTarget redis, TimeProvider time) =>
        TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = redis.ConnectionString, TimeProvider = time });
}

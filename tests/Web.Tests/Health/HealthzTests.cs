using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Faults;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Health;

/// <summary>The demo site's <c>/healthz</c>: Wix's token endpoint, and the Redis store when the site uses one.</summary>
public sealed class HealthzTests
{
    [Fact]
    public async Task Healthz_is_healthy_with_wix_and_redis_up_and_503_when_redis_goes_down()
    {
        var redis = await RedisServer.StartAsync();
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var site = await TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = redis.ConnectionString });
        using var http = new HttpClient { BaseAddress = site.BaseUrl };

        // The first probe also connects to Redis, within the check's 2 s: on a loaded machine it may report the
        // connection still being made, so the site is asked again for a bounded time until it reports healthy.
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ProbeUntilHealthyAsync(http, TimeSpan.FromSeconds(20)));

        await redis.DisposeAsync();
        using var down = await http.GetAsync("/healthz");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (down.StatusCode, await down.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Healthz_is_healthy_on_a_Redis_Cluster_and_503_while_the_cluster_does_not_answer()
    {
        await using var cluster = await RedisCluster.StartAsync();
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var site = await TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = cluster.ConnectionString });
        using var http = new HttpClient { BaseAddress = site.BaseUrl };
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ProbeUntilHealthyAsync(http, TimeSpan.FromSeconds(20)));

        cluster.PauseAll();
        try
        {
            using var down = await http.GetAsync("/healthz");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (down.StatusCode, await down.Content.ReadAsStringAsync()));
        }
        finally
        {
            cluster.ResumeAll();
        }
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ProbeUntilHealthyAsync(http, TimeSpan.FromSeconds(20)));
    }

    private static async Task<(HttpStatusCode, string)> ProbeUntilHealthyAsync(HttpClient http, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            using var response = await http.GetAsync("/healthz");
            var answer = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline) return answer;
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Healthz_is_503_when_wix_fails()
    {
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 500));
        await using var site = await TestSite.StartSiteAsync(emulator.BaseUrl);
        using var http = new HttpClient { BaseAddress = site.BaseUrl };

        using var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

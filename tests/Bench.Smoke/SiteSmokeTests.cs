using Wix.Auth.Load.Sites;
using Xunit;

namespace Wix.Auth.Bench.Smoke;

/// <summary>
/// The site comparisons of BENCHMARKS.md ("What a site pays") on tiny counts, sites in this process (the Node site in its
/// own): every side serves, logs in, and reports its figures. Speed is never judged here; the one Redis command per
/// authenticated request is, because it is behaviour, not timing.
/// </summary>
public sealed class SiteSmokeTests
{
    [Fact]
    public async Task Every_side_of_the_authenticated_request_comparison_serves_the_member_page()
    {
        var figures = await RequestBench.RunAsync(new RequestBench.Settings(Rounds: 1, Requests: 60, Concurrency: 2, Warmup: 5, InProcess: true, MaxWarmupRounds: 1), _ => { });

        Assert.Equal(Enum.GetValues<RequestVariant>().Select(RequestBench.Name).Order(), figures.Select(f => f.Variant).Order());
        Assert.All(figures, f =>
        {
            Assert.Equal((60, 0), (f.Requests, f.Errors));
            Assert.True(f.PerCpuSecond > 0 && f.P99Ms >= f.P50Ms && f.AllocatedBytesPerRequest > 0, f.Variant);
        });
        Assert.All(figures.Where(f => f.RedisCommandsPerRequest is not null), f => Assert.InRange(f.RedisCommandsPerRequest!.Value, 0.9, 1.1));
        Assert.Equal(2, figures.Count(f => f.RedisCommandsPerRequest is not null));
    }

    [Fact]
    public async Task The_login_comparison_logs_members_in_on_the_demo_site_the_floor_app_and_the_node_sdk_site()
    {
        var figures = await LoginBench.RunAsync(new LoginBench.Settings(Rounds: 1, Logins: 3, Concurrency: 2, MaxWarmupRounds: 1, MaxSeconds: 60, InProcess: true), _ => { });

        Assert.Equal([LoginBench.DemoSite, LoginBench.FloorSiteName, LoginBench.NodeSite], figures.Select(f => f.Site));
        Assert.All(figures, f =>
        {
            Assert.True((f.Logins, f.Errors) == (3, 0), $"{f.Site}: {f.Logins} logins, {f.Errors} errors, first: {f.FirstError}");
            Assert.True(f.PerCpuSecond > 0 && f.P99Ms >= f.P50Ms, f.Site);
        });
    }
}

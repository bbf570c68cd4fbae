using Wix.Auth.Load.Sites;
using Xunit;

namespace Wix.Auth.Bench.Smoke;

/// <summary>
/// The Redis-at-scale benchmarks of BENCHMARKS.md ("Redis at scale", "Churn") on tiny counts, sites in this process: the
/// scale bench fills both sides through their stores and serves the members among them with one Redis command per
/// request; the soak leaves no key without a TTL and an empty Redis once the TTLs have passed. Speed is never judged here.
/// </summary>
public sealed class RedisScaleSmokeTests
{
    [Fact]
    public async Task The_scale_bench_fills_both_sides_through_their_stores_and_serves_the_members_among_them()
    {
        var reported = new List<object>();
        var table = await ScaleBench.RunAsync(new ScaleBench.Settings([300], Members: 3, Rounds: 1, Requests: 40, Concurrency: 2, Warmup: 5, FillConcurrency: 8, InProcess: true), reported.Add);

        var loads = reported.OfType<ScaleBench.Load>().ToList();
        Assert.Equal(["member session, Redis", "cookie, ITicketStore in Redis"], loads.Select(l => l.Side));
        Assert.All(loads, l => Assert.True(l.Sessions == 300 && l.UsedMemoryBytesPerSession > 0 && l.MemoryUsageBytesPerSession > 0, l.ToString()));
        var rounds = reported.OfType<ScaleBench.Round>().Select(r => r.Figures).ToList();
        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, f => Assert.True((f.Requests, f.Errors) == (40, 0) && f.RedisCommandsPerRequest is > 0.9 and < 1.1, f.ToString()));
        Assert.Contains("| 300 | member session, Redis |", table);
    }

    [Fact]
    public async Task The_soak_leaves_no_key_without_a_ttl_and_an_empty_redis_after_the_ttls()
    {
        var result = await SoakBench.RunAsync(seconds: 3, members: 2, ttl: TimeSpan.FromSeconds(2), _ => { });

        Assert.True(result.Logins > 0 && result.Abandoned > 0 && result.Refused > 0 && result.Errors == 0, result.ToString());
        Assert.True(result.Refreshes >= result.Logins, result.ToString());   // each member's visit outlives its access token
        Assert.Equal(0, result.KeysWithoutTtl);
        Assert.Equal(0, result.KeysAfterTtl);
    }
}

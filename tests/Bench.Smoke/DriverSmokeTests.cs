using Wix.Auth.Compare;
using Wix.Auth.Emulator;
using Wix.Auth.Load;
using Xunit;

namespace Wix.Auth.Bench.Smoke;

/// <summary>The side-by-side and load drivers on tiny counts: they run, and their must-hold figures hold.</summary>
public sealed class DriverSmokeTests
{
    [Fact]
    public void The_comparison_loops_run_every_case()
    {
        var figures = Micro.MeasureAll(0.01);
        Assert.Equal(7, figures.Count);
        Assert.All(figures, f => Assert.True(f.OpsPerSec > 0 && f.Checksum > 0, f.Case));
    }

    [Fact]
    public async Task The_comparison_flows_log_members_in_against_a_shared_emulator()
    {
        await using var emulator = await WixEmulator.StartAsync();
        var (flowsPerSec, cpuMsPerFlow, _, rounds, _) = await Flows.MeasureAsync(emulator.BaseUrl, flows: 4, concurrency: 2, warmup: 1);
        Assert.True(flowsPerSec > 0 && cpuMsPerFlow > 0);
        Assert.InRange(rounds, 2, 30);
        Assert.Equal(4 + rounds, emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task The_client_floor_sends_what_the_library_sends()
    {
        await using var emulator = await WixEmulator.StartAsync();
        await Flows.MeasureAsync(emulator.BaseUrl, flows: 1, concurrency: 1, warmup: 1);
        var library = emulator.RequestLog.Entries.Select(Shape).Distinct().ToList();
        emulator.RequestLog.Clear();
        using (var floor = new FloorLogin(emulator.BaseUrl, maxConnections: 2))
            Assert.StartsWith("emu-at-", await floor.LogInAsync());
        var bare = emulator.RequestLog.Entries.Select(Shape).ToList();

        Assert.Equal(4, library.Count);
        Assert.Equal(library, bare);
    }

    // What a request is on the wire, but for the random values (state, verifier, challenge) and the emulator's own.
    private static string Shape(RequestLogEntry e) =>
        $"{e.Method} {e.Path} {e.Detail} {e.Authorization} {e.BodyLength} "
        + string.Join(";", e.Headers.Where(h => h.Key is not ("traceparent" or "x-request-id")).OrderBy(h => h.Key).Select(h => $"{h.Key}={h.Value}"))
        + " " + System.Text.RegularExpressions.Regex.Replace(e.Body?.ToJsonString() ?? "", "\"(state|codeChallenge)\":\"[^\"]*\"", "\"$1\":\"?\"");

    [Fact]
    public async Task Concurrent_calls_on_an_expired_token_refresh_once_per_expiry()
    {
        var expiries = await Contention.RunAsync(calls: 20, expiries: 2);
        Assert.All(expiries, e => Assert.Equal((1L, 20, 0), (e.Refreshes, e.Ok, e.NotOk)));
    }

    [Fact]
    public async Task Bounded_logins_against_the_emulator_have_no_errors()
    {
        var summary = await LoginLoad.AgainstEmulatorAsync(null, flows: 6, concurrency: 3, maxSeconds: 15);
        Assert.Equal((6, 0), (summary.Completed, summary.Errors));
        Assert.True(summary.P99Ms >= summary.P50Ms);
    }
}

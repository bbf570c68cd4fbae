using System.Diagnostics;
using Wix.Auth.Benchmarks.Shared;

namespace Wix.Auth.Compare;

/// <summary>
/// Whole logins against a shared emulator, <c>concurrency</c> at a time: flows per second, and this process's CPU
/// time per flow (the emulator runs in its own process). Before the measured flows it warms up in rounds of
/// <c>warmup</c> flows until two rounds in a row agree within 10% in CPU per flow (at most 30 rounds), as the SDK's
/// side does, so the figure is the steady state and not the JIT's tiers.
/// </summary>
internal static class Flows
{
    private const int MaxWarmupRounds = 30;
    private const double Tolerance = 0.10;

    /// <param name="floor">The floor (<see cref="FloorLogin"/>): the same requests with no client around them.</param>
    public static async Task<int> RunAsync(Uri baseUrl, int flows, int concurrency, int warmup, bool floor)
    {
        var measurement = await MeasureAsync(baseUrl, flows, concurrency, warmup, floor);
        Json.Print("login flow", new Dictionary<string, object>
        {
            ["flows"] = flows,
            ["concurrency"] = concurrency,
            ["seconds"] = measurement.Seconds,
            ["flowsPerSec"] = measurement.FlowsPerSec,
            ["cpuMsPerFlow"] = measurement.CpuMsPerFlow,
            ["warmupRounds"] = measurement.WarmupRounds,
            ["settled"] = measurement.Settled,
        }, floor ? "floor" : "dotnet");
        return 0;
    }

    public static async Task<(double FlowsPerSec, double CpuMsPerFlow, double Seconds, int WarmupRounds, bool Settled)> MeasureAsync(
        Uri baseUrl, int flows, int concurrency, int warmup, bool floor = false)
    {
        using var login = new EmulatorLogin(baseUrl, maxConnections: concurrency);
        using var bare = new FloorLogin(baseUrl, concurrency);
        Func<Task> once = floor ? bare.LogInAsync : () => login.LogInAsync(login.NewClient());

        var (rounds, settled, previous) = (0, false, double.NaN);
        while (!settled && rounds < MaxWarmupRounds)
        {
            rounds++;
            var (_, cpu, _) = await RoundAsync(once, warmup, concurrency);
            settled = Math.Abs(cpu - previous) <= Tolerance * Math.Max(cpu, previous);
            previous = cpu;
        }
        var (flowsPerSec, cpuMsPerFlow, seconds) = await RoundAsync(once, flows, concurrency);
        return (flowsPerSec, cpuMsPerFlow, seconds, rounds, settled);
    }

    private static async Task<(double FlowsPerSec, double CpuMsPerFlow, double Seconds)> RoundAsync(Func<Task> once, int flows, int concurrency)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= flows) await once();
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        return (flows / elapsed, cpu / flows, elapsed);
    }
}

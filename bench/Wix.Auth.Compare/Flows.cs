using System.Diagnostics;
using Wix.Auth.Benchmarks.Shared;

namespace Wix.Auth.Compare;

/// <summary>
/// Whole logins against a shared emulator, <c>concurrency</c> at a time: flows per second, and this process's CPU
/// time per flow (the emulator runs in its own process). A warm-up of flows is run and not counted, as on the JS side.
/// </summary>
internal static class Flows
{
    public static async Task<int> RunAsync(Uri baseUrl, int flows, int concurrency, int warmup)
    {
        var (flowsPerSec, cpuMsPerFlow, seconds) = await MeasureAsync(baseUrl, flows, concurrency, warmup);
        Json.Print("login flow", new Dictionary<string, object>
        {
            ["flows"] = flows,
            ["concurrency"] = concurrency,
            ["seconds"] = seconds,
            ["flowsPerSec"] = flowsPerSec,
            ["cpuMsPerFlow"] = cpuMsPerFlow,
        });
        return 0;
    }

    public static async Task<(double FlowsPerSec, double CpuMsPerFlow, double Seconds)> MeasureAsync(Uri baseUrl, int flows, int concurrency, int warmup)
    {
        using var login = new EmulatorLogin(baseUrl, maxConnections: concurrency);
        await RunFlowsAsync(login, warmup, concurrency);

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await RunFlowsAsync(login, flows, concurrency);
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        return (flows / elapsed, cpu / flows, elapsed);
    }

    private static async Task RunFlowsAsync(EmulatorLogin login, int flows, int concurrency)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= flows) await login.LogInAsync(login.NewClient());
        }));
    }
}

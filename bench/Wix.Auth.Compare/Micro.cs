using System.Diagnostics;
using System.Security.Cryptography;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using static LanguageExt.Prelude;

namespace Wix.Auth.Compare;

/// <summary>
/// The same loops as bench/js/sdk-bench.mjs: each case warmed up, then run for a fixed time, counting calls.
/// A checksum of every result's length keeps the calls from being optimised away.
/// </summary>
internal static class Micro
{
    private static readonly (string Case, Func<int> Op)[] Cases =
    [
        ("generateOAuthData", GenerateOAuthData),
        // Ours only: the floor of generateOAuthData on this machine, and the whole with a buffered random source.
        ("generateOAuthData floor", OAuthFloor.Compute),
        ("generateOAuthData, buffered random", GenerateOAuthDataBuffered),
        ("parseFromUrl fragment success", () => Parse(Inputs.FragmentSuccess, ResponseMode.Fragment)),
        ("parseFromUrl query success", () => Parse(Inputs.QuerySuccess, ResponseMode.Query)),
        ("parseFromUrl fragment error", () => Parse(Inputs.FragmentError, ResponseMode.Fragment)),
        ("parseFromUrl query error", () => Parse(Inputs.QueryError, ResponseMode.Query)),
    ];

    public static int Run(double seconds)
    {
        foreach (var (name, opsPerSec, opsPerCpuSec, checksum) in MeasureAll(seconds))
            Json.Print(name, new Dictionary<string, object> { ["opsPerSec"] = opsPerSec, ["opsPerCpuSec"] = opsPerCpuSec, ["checksum"] = checksum });
        return 0;
    }

    /// <summary>Per case: calls per wall-clock second, calls per second of this process's CPU time, and the checksum.</summary>
    public static IReadOnlyList<(string Case, double OpsPerSec, double OpsPerCpuSec, long Checksum)> MeasureAll(double seconds)
    {
        // Warm-up of every case before any is measured: the JIT tiers up, as V8 does in the JS loop's warm-up. Done case by
        // case instead, the first case measured right after start-up ran partly on unoptimised code on a loaded machine
        // (its background tier-1 compilation waited for a core).
        foreach (var c in Cases) Measure(c.Op, Math.Min(0.5, seconds));
        return [.. Cases.Select(c =>
        {
            var (ops, elapsed, cpu, checksum) = Measure(c.Op, seconds);
            return (c.Case, ops / elapsed, ops / cpu, checksum);
        })];
    }

    // What WixAuthClient.GenerateOAuthData does: 80 bytes from the OS random source, then the pure core.
    private static int GenerateOAuthData()
    {
        Span<byte> bytes = stackalloc byte[Pkce.RequiredEntropyBytes];
        RandomNumberGenerator.Fill(bytes);
        return Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), bytes)).State.Length;
    }

    private static readonly BufferedEntropy Buffered = new();

    private static int GenerateOAuthDataBuffered()
    {
        Span<byte> bytes = stackalloc byte[Pkce.RequiredEntropyBytes];
        Buffered.Fill(bytes);
        return Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), bytes)).State.Length;
    }

    private static int Parse(string url, ResponseMode mode) => Results.Right(CallbackParser.ParseFromUrl(url, mode)).State.Length;

    // CPU time as well as wall time: on a shared machine the wall clock also counts the time other processes
    // held the core, the CPU time (process-wide, GC threads included, like Node's process.cpuUsage) does not.
    private static (long Ops, double Seconds, double CpuSeconds, long Checksum) Measure(Func<int> op, double seconds)
    {
        long ops = 0, checksum = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        while (clock.Elapsed < limit)
        {
            for (var i = 0; i < 1024; i++) checksum += op();
            ops += 1024;
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (ops, elapsed, (process.TotalProcessorTime - cpuBefore).TotalSeconds, checksum);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// What a site process says about itself, read at the edges of a measured window. The CPU time is read before the
/// full collection that measures the heap, and again after it, so the window can start after that collection and end
/// before the next: the bench's own collections are never charged to the site.
/// </summary>
/// <param name="CpuMs">The process's CPU time (every thread, GC included), before the collection.</param>
/// <param name="AllocatedBytes">Bytes allocated by the process so far; null where the runtime does not say (Node).</param>
/// <param name="HeapBytes">Live heap after a full collection.</param>
/// <param name="CpuMsAfterCollect">The process's CPU time after the collection.</param>
/// <param name="MethodsJitted">Methods the JIT compiled so far, every tier; null where the runtime does not say (Node). Growing in a
/// measured window means the site was not yet at steady state.</param>
/// <param name="WorkItems">Work items the thread pool has run so far: each is a hop between threads, and an idle worker's spin.</param>
internal sealed record SiteStats(double CpuMs, long? AllocatedBytes, long HeapBytes, double CpuMsAfterCollect, long? MethodsJitted = null, long? WorkItems = null)
{
    /// <summary>This process's figures (a .NET site).</summary>
    public static SiteStats OfThisProcess()
    {
        var cpu = CpuMsOfThisProcess();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var workItems = ThreadPool.CompletedWorkItemCount;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return new SiteStats(cpu, allocated, heap, CpuMsOfThisProcess(), jitted, workItems);
    }

    public string ToJson() => JsonSerializer.Serialize(this, SiteStatsJson.Default.SiteStats);

    public static SiteStats FromJson(string line) =>
        JsonSerializer.Deserialize(line, SiteStatsJson.Default.SiteStats) ?? throw new InvalidDataException("no stats in: " + line);

    /// <summary>
    /// Serves a site process's side of the protocol: its base URL on the first line of stdout, then one line of stats
    /// for each line read from stdin; returns when stdin closes (the bench is done with it). With
    /// <c>WIX_BENCH_ALLOCATIONS=1</c>, each line also writes to stderr what was allocated since the one before, by type
    /// (<see cref="AllocationTypes"/>; bench/profile.sh --allocations).
    /// </summary>
    public static async Task ServeAsync(Uri baseUrl)
    {
        using var allocations = Environment.GetEnvironmentVariable("WIX_BENCH_ALLOCATIONS") == "1" ? new AllocationTypes() : null;
        Console.WriteLine(baseUrl);
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is not null)
        {
            Console.WriteLine(OfThisProcess().ToJson());
            Console.Out.Flush();
            if (allocations is null) continue;
            Console.Error.WriteLine("allocations since the last stats, by type (share of the runtime's allocation ticks):");
            Console.Error.WriteLine("| type | share |");
            Console.Error.WriteLine("| --- | --- |");
            foreach (var line in allocations.Report(40)) Console.Error.WriteLine(line);
            Console.Error.Flush();
        }
    }

    private static double CpuMsOfThisProcess()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SiteStats))]
internal sealed partial class SiteStatsJson : JsonSerializerContext;

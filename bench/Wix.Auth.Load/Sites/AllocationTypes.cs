using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// What a site process allocates, by type: the runtime's allocation ticks (one about every 100 KB allocated, naming the
/// type whose allocation crossed the mark), counted in this process. A sample, so a type's share of the ticks is its
/// share of the bytes, within the sampling error. Started by <c>WIX_BENCH_ALLOCATIONS=1</c>; printed by <see cref="Report"/>.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    private const int AllocationTick = 10;
    private readonly ConcurrentDictionary<string, long> ticks = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTick || e.PayloadNames is null) return;
        var name = e.PayloadNames.IndexOf("TypeName") is >= 0 and var i ? e.Payload![i] as string ?? "?" : "?";
        ticks.AddOrUpdate(name, 1, (_, n) => n + 1);
    }

    /// <summary>The types by their share of the ticks since the last call, most first, as lines of a table; then starts again.</summary>
    public IEnumerable<string> Report(int top)
    {
        var taken = ticks.ToArray();
        ticks.Clear();
        var total = Math.Max(1, taken.Sum(t => t.Value));
        return taken.OrderByDescending(t => t.Value).Take(top).Select(t => $"| {t.Key} | {100.0 * t.Value / total:F1}% |");
    }
}

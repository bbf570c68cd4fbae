using Wix.Auth.Load;
using Xunit;

namespace Wix.Auth.Bench.Smoke;

/// <summary>
/// The memory driver reads the whole process's heap before and after, so it runs alone: a test allocating beside it in
/// another collection could make what the store adds per entry look like nothing.
/// </summary>
[CollectionDefinition(nameof(HeapAlone), DisableParallelization = true)]
public sealed class HeapAlone;

/// <summary>The memory driver on a tiny count, alone in the process.</summary>
[Collection(nameof(HeapAlone))]
public sealed class MemoryDriverSmokeTests
{
    [Fact]
    public async Task Pending_logins_are_all_evicted_after_the_ttl()
    {
        var result = await Memory.RunAsync(2_000);
        Assert.Equal((2_000, 0, 2_000, 0), (result.HeldBeforeSweep, result.VisibleAfterTtl, result.Evicted, result.HeldAfterSweep));
        Assert.True(result.StoreBytesPerEntry > 0);
    }
}

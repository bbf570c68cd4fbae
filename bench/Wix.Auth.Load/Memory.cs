using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using static LanguageExt.Prelude;

namespace Wix.Auth.Load;

/// <summary>
/// <see cref="InMemoryPendingLoginStore"/> holding <c>entries</c> pending logins: what each costs in memory, and
/// that every one is evicted once the TTL has passed (on a fake clock, so no waiting).
/// </summary>
internal static class Memory
{
    /// <param name="StoreBytesPerEntry">What the store adds per entry (dictionary, key, tuple), the logins aside.</param>
    /// <param name="TotalBytesPerEntry">Store plus the pending login itself (record, OAuth data, verifier, challenge, state).</param>
    /// <param name="AllocatedBytesPerSave">Allocated on this thread per <c>SaveAsync</c>, the periodic sweeps included.</param>
    public sealed record Result(int Entries, double StoreBytesPerEntry, double TotalBytesPerEntry, double AllocatedBytesPerSave,
        int HeldBeforeSweep, int VisibleAfterTtl, int Evicted, int HeldAfterSweep, long HeapBytesFreedBySweep);

    public static async Task<Result> RunAsync(int entries)
    {
        var ttl = TimeSpan.FromMinutes(10);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var baseline = Heap();

        var logins = new PendingLogin[entries];
        var entropy = new byte[Pkce.RequiredEntropyBytes];
        for (var i = 0; i < entries; i++)
        {
            RandomNumberGenerator.Fill(entropy);
            var data = Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), entropy));
            logins[i] = new PendingLogin(data, Prompt.Login, ResponseMode.Fragment, time.GetUtcNow());
        }
        var withLogins = Heap();

        var store = new InMemoryPendingLoginStore(time);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        foreach (var login in logins) await store.SaveAsync(login, ttl, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var withStore = Heap();
        var held = store.Count;

        // The logins now live only in the store (but for a sample of 1,000 states to probe with): dropping the array
        // shows what an evicted entry gives back.
        var sample = logins.Take(1000).Select(l => l.Data.State).ToArray();
        System.Array.Clear(logins);
        time.Advance(ttl + TimeSpan.FromSeconds(1));
        var beforeSweep = Heap();
        var visible = 0;
        foreach (var state in sample) // FindAsync must hide an expired entry even before it is swept
            if (await store.FindAsync(state, CancellationToken.None) is not null) visible++;
        store.SweepExpired();
        var afterSweep = Heap();
        GC.KeepAlive(store);

        return new Result(entries, (double)(withStore - withLogins) / entries, (double)(withStore - baseline) / entries,
            (double)allocated / entries, held, visible, held - store.Count, store.Count, beforeSweep - afterSweep);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

using System.Collections.Concurrent;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth;

/// <summary>
/// Coordinates the clients of one process per session: runs of the flow for one session take turns (each reads the state
/// the one before stored), and while a refresh is in flight every other caller awaits the same task instead of sending
/// its own request. Share one instance across clients of a process (dependency injection registers it as a singleton).
/// </summary>
/// <remarks>
/// Given an <see cref="IRefreshLease"/>, refresh is single-flight across the instances that share a store too: the refresh
/// runs under the farm-wide lease and reads the store again inside it, so what another instance refreshed meanwhile is
/// used, not refreshed again; its write carries the lease's fence, so a holder that stalled past its lease cannot
/// overwrite what the next holder wrote (<see cref="WriteFence"/>). Callbacks are safe across instances anyway — each
/// takes its pending login from the shared store, which hands it to one taker only.
/// </remarks>
/// <param name="lease">The farm-wide lease; null for one process.</param>
/// <param name="leaseDuration">How long a lease lasts, which bounds one refresh (retries included). Default 30 s.</param>
public sealed class RefreshCoordinator(IRefreshLease? lease = null, TimeSpan? leaseDuration = null)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private const int MaxSpareTurns = 64;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> inFlight = new(StringComparer.Ordinal);
    private readonly TimeSpan duration = leaseDuration ?? TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, Turn> turns = new(StringComparer.Ordinal);
    // Turns no session holds, kept for the next (a few: the most that are free at once in a busy process).
    private readonly Stack<Turn> spareTurns = new();
    private long waits;

    /// <summary>How many runs found another run of their session in progress and waited for it: contention, which unrelated sessions never cause.</summary>
    internal long Waits => Interlocked.Read(ref waits);

    /// <summary>
    /// Runs <paramref name="refresh"/> for <paramref name="sessionKey"/> unless one is already running, and returns its result.
    /// The refresh is given the fence its write must carry (<see cref="WriteFence.None"/> without a farm-wide lease).
    /// </summary>
    public async Task<T> RunOnceAsync<T>(string sessionKey, Func<WriteFence, Task<T>> refresh) where T : notnull
    {
        var mine = new Lazy<Task<object>>(async () => await UnderLeaseAsync(sessionKey, refresh).ConfigureAwait(false), LazyThreadSafetyMode.ExecutionAndPublication);
        var running = inFlight.GetOrAdd(sessionKey, mine);
        try
        {
            return (T)await running.Value.ConfigureAwait(false);
        }
        finally
        {
            if (ReferenceEquals(running, mine)) inFlight.TryRemove(KeyValuePair.Create(sessionKey, mine));
        }
    }

    // Waits while another instance holds the lease (at most its duration: a holder that died lets go by then).
    // A refresh that could not get the lease in that time goes ahead unfenced: its write then counts as the newest.
    private async Task<T> UnderLeaseAsync<T>(string sessionKey, Func<WriteFence, Task<T>> refresh) where T : notnull
    {
        if (lease is null) return await refresh(WriteFence.None).ConfigureAwait(false);
        IHeldRefreshLease? held = null;
        using var patience = new CancellationTokenSource(duration);
        while (held is null && !patience.IsCancellationRequested)
        {
            held = await lease.TryAcquireAsync(sessionKey, duration, CancellationToken.None).ConfigureAwait(false);
            if (held is null) await Task.Delay(PollInterval).ConfigureAwait(false);
        }
        try
        {
            return await refresh(held?.Fence ?? WriteFence.None).ConfigureAwait(false);
        }
        finally
        {
            if (held is not null) await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="run"/> when no other run of <paramref name="sessionKey"/> in this process is running.</summary>
    public Task<T> InTurnAsync<T>(string sessionKey, Func<Task<T>> run, CancellationToken cancellationToken) =>
        InTurnAsync(sessionKey, static run => run(), run, cancellationToken);

    /// <summary>As <see cref="InTurnAsync{T}(string, Func{Task{T}}, CancellationToken)"/>, <paramref name="run"/> given <paramref name="state"/>: no closure made per run.</summary>
    internal async Task<T> InTurnAsync<TState, T>(string sessionKey, Func<TState, Task<T>> run, TState state, CancellationToken cancellationToken)
    {
        Turn turn;
        lock (turns)
        {
            if (!turns.TryGetValue(sessionKey, out turn!)) turns[sessionKey] = turn = spareTurns.TryPop(out var spare) ? spare : new Turn();
            if (++turn.Waiting > 1) waits++;
        }
        try
        {
            await turn.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await run(state).ConfigureAwait(false);
            }
            finally
            {
                turn.Gate.Release();
            }
        }
        finally
        {
            // The entry lives only while someone uses it: memory stays bounded by the sessions in use right now.
            lock (turns)
            {
                if (--turn.Waiting == 0)
                {
                    turns.Remove(sessionKey);
                    if (spareTurns.Count < MaxSpareTurns) spareTurns.Push(turn);
                }
            }
        }
    }

    private sealed class Turn
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Waiting;
    }
}

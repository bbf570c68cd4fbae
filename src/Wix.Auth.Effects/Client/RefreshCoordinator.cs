using System.Collections.Concurrent;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// Single-flight: while a refresh of one session's tokens is in flight, every other caller for that session
/// awaits the same task instead of sending its own request. Share one instance across clients of a process; give it an
/// <see cref="IRefreshLease"/> to make it single-flight across the instances that share a token store too: the refresh
/// then runs under the farm-wide lease, and reads the store again inside it, so what another instance refreshed
/// meanwhile is used, not refreshed again.
/// </summary>
/// <param name="lease">The farm-wide lease; null for one process.</param>
/// <param name="leaseDuration">How long a lease lasts, which bounds one refresh (retries included). Default 30 s.</param>
public sealed class RefreshCoordinator(IRefreshLease? lease = null, TimeSpan? leaseDuration = null)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> inFlight = new(StringComparer.Ordinal);
    private readonly TimeSpan duration = leaseDuration ?? TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="refresh"/> for <paramref name="sessionKey"/> unless one is already running, and returns its result.</summary>
    public async Task<T> RunOnceAsync<T>(string sessionKey, Func<Task<T>> refresh) where T : notnull
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
    private async Task<T> UnderLeaseAsync<T>(string sessionKey, Func<Task<T>> refresh) where T : notnull
    {
        if (lease is null) return await refresh().ConfigureAwait(false);
        IAsyncDisposable? held = null;
        using var patience = new CancellationTokenSource(duration);
        while (held is null && !patience.IsCancellationRequested)
        {
            held = await lease.TryAcquireAsync(sessionKey, duration, CancellationToken.None).ConfigureAwait(false);
            if (held is null) await Task.Delay(PollInterval).ConfigureAwait(false);
        }
        try
        {
            return await refresh().ConfigureAwait(false);
        }
        finally
        {
            if (held is not null) await held.DisposeAsync().ConfigureAwait(false);
        }
    }
}

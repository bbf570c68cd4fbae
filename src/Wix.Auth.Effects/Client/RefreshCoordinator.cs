using System.Collections.Concurrent;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// Single-flight: while a refresh of one session's tokens is in flight, every other caller for that session
/// awaits the same task instead of sending its own request. Share one instance across clients of a process.
/// </summary>
public sealed class RefreshCoordinator
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> inFlight = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="refresh"/> for <paramref name="sessionKey"/> unless one is already running, and returns its result.</summary>
    public async Task<T> RunOnceAsync<T>(string sessionKey, Func<Task<T>> refresh) where T : notnull
    {
        var mine = new Lazy<Task<object>>(async () => await refresh().ConfigureAwait(false), LazyThreadSafetyMode.ExecutionAndPublication);
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
}

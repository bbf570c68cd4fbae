using Wix.Auth.Effects.Ports;

namespace Wix.Auth;

/// <summary>
/// How the session stores write: an idempotent write is tried <see cref="Attempts"/> times, a pause apart, before the
/// store is reported unavailable, so tokens that were just obtained survive a stall of the store shorter than that.
/// </summary>
internal static class StoreWrites
{
    /// <summary>How many times a write is tried.</summary>
    public const int Attempts = 3;

    private static readonly TimeSpan PauseBetweenAttempts = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs <paramref name="write"/> until it succeeds or <see cref="Attempts"/> have failed (then a <see cref="StoreUnavailableException"/>).</summary>
    public static async ValueTask RetryAsync<T>(string operation, Func<ValueTask<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StoreUnavailableException.Guard(operation, write, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StoreUnavailableException) when (attempt < Attempts)
            {
                await Task.Delay(PauseBetweenAttempts, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

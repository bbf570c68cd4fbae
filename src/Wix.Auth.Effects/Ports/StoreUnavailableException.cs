namespace Wix.Auth.Effects.Ports;

/// <summary>
/// Thrown by an <see cref="ISessionStore"/> or <see cref="IPendingLoginStore"/> whose backing store (Redis, a cache, a file)
/// failed or did not answer in time. The client turns it into <see cref="Core.Errors.AuthError.StoreUnavailable"/>; a web
/// host answers 503 with <c>Retry-After</c>. The message names the operation, never a key or a value.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>The store could not carry out <paramref name="operation"/>.</summary>
    public StoreUnavailableException(string operation, Exception? inner = null)
        : base($"The store could not {operation}: {inner?.GetType().Name ?? "unavailable"}.", inner)
    {
    }

    /// <summary>Runs <paramref name="call"/>, reporting any failure but cancellation as a <see cref="StoreUnavailableException"/>.</summary>
    internal static async ValueTask<T> Guard<T>(string operation, Func<ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not StoreUnavailableException)
        {
            throw new StoreUnavailableException(operation, e);
        }
    }
}

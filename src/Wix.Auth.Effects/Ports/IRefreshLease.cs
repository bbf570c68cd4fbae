namespace Wix.Auth.Effects.Ports;

/// <summary>
/// A farm-wide lease on refreshing one session's tokens, so that instances sharing a session store send one refresh per
/// expiry between them (<see cref="RefreshCoordinator"/> takes it around each refresh). A lease ends by itself
/// after its duration, so an instance that dies while holding it blocks the others for that long at most; one that only
/// stalls past it may still finish its refresh, so the write that ends a refresh carries the lease's fence
/// (<see cref="WriteFence"/>) and the store refuses it once a newer holder exists.
/// </summary>
public interface IRefreshLease
{
    /// <summary>Takes the lease on <paramref name="sessionKey"/> for <paramref name="duration"/>; null while another holder has it.</summary>
    /// <returns>The held lease, with its fencing number.</returns>
    ValueTask<IHeldRefreshLease?> TryAcquireAsync(string sessionKey, TimeSpan duration, CancellationToken cancellationToken);
}

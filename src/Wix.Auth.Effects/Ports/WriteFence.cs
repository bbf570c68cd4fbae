namespace Wix.Auth.Effects.Ports;

/// <summary>
/// The fencing number a farm-wide refresh lease was granted with (<see cref="IHeldRefreshLease.Fence"/>), carried by the
/// session write that ends the refresh, so that a holder whose lease ran out (a paused process, a long GC) cannot
/// overwrite what a later holder wrote. Numbers only grow; <see cref="None"/> is a write made outside any lease.
/// </summary>
/// <remarks>
/// The rule, which every store shared by instances carries out atomically with the write (<see cref="Admits"/>): a fenced
/// write is refused when the session's newest fence — the largest number granted to a live lease on it or carried by a
/// write already made — is larger than its own. A write without a fence is the newest by definition: the store gives it
/// the next number, so a stale holder's write that comes after a login, a logout or <c>setTokens</c> is refused too.
/// </remarks>
/// <param name="Number">The fencing number; 0 for <see cref="None"/>.</param>
public readonly record struct WriteFence(long Number)
{
    /// <summary>No fence: a write made outside a refresh lease.</summary>
    public static WriteFence None => default;

    /// <summary>True when the write carries a lease's number.</summary>
    public bool IsFenced => Number > 0;

    /// <summary>
    /// Whether a write carrying this fence may replace the session, whose <paramref name="newest"/> fence is the largest
    /// number granted to a live lease on it or written with it (0 when there is none).
    /// </summary>
    public bool Admits(long newest) => !IsFenced || Number >= newest;
}

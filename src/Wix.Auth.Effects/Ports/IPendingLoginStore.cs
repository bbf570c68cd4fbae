using LanguageExt;
using Wix.Auth.Core.Flow;

namespace Wix.Auth.Effects.Ports;

/// <summary>Where pending logins wait for their callback, keyed by <c>state</c>.</summary>
/// <remarks>Implementations must forget an entry once its TTL has passed, and <see cref="TakeAsync"/> must hand an entry out once.</remarks>
public interface IPendingLoginStore
{
    /// <summary>Keeps <paramref name="pending"/> for <paramref name="timeToLive"/> at most.</summary>
    ValueTask SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>The pending login with this state, if any; it stays stored.</summary>
    ValueTask<Option<PendingLogin>> FindAsync(string state, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the pending login with this state and hands it out: to one caller only, however many ask at once, and
    /// never once its TTL has passed. None for every other caller.
    /// </summary>
    ValueTask<Option<PendingLogin>> TakeAsync(string state, CancellationToken cancellationToken);
}

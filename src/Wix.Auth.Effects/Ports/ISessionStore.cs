using Wix.Auth.Core.Flow;

namespace Wix.Auth.Effects.Ports;

/// <summary>
/// Where each session's state lives, per session key (one per member session on a web site; one for a console app): the
/// core's <see cref="LoginState"/> — the session's tokens, and a login in progress — kept whole, never rebuilt from parts.
/// Persistent stores write it as a versioned <see cref="Core.Snapshots.SessionSnapshot"/> and still read the bare token
/// pairs of the old format.
/// </summary>
public interface ISessionStore
{
    /// <summary>The state of <paramref name="sessionKey"/>, or null when none is stored.</summary>
    ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken);

    /// <summary>Replaces the state of <paramref name="sessionKey"/>; readers see the old or the new state, never a mix.</summary>
    ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the state of <paramref name="sessionKey"/> unless <paramref name="fence"/> is older than the session's newest
    /// (<see cref="WriteFence.Admits"/>), deciding and writing in one atomic step. A store that instances share under a
    /// farm-wide <see cref="IRefreshLease"/> must implement the rule; the default, for a store of one process (where
    /// refreshes are single-flight without a lease), writes unconditionally.
    /// </summary>
    ValueTask<SessionWrite> SetAsync(string sessionKey, LoginState state, WriteFence fence, CancellationToken cancellationToken)
    {
        var write = SetAsync(sessionKey, state, cancellationToken);
        // A store that writes at once (memory) answers at once: no async step is made for it.
        if (!write.IsCompletedSuccessfully) return Written(write);
        write.GetAwaiter().GetResult();
        return ValueTask.FromResult(SessionWrite.Written);

        static async ValueTask<SessionWrite> Written(ValueTask write)
        {
            await write.ConfigureAwait(false);
            return SessionWrite.Written;
        }
    }

    /// <summary>Forgets the state of <paramref name="sessionKey"/>.</summary>
    ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken);
}

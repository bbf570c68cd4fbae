namespace Wix.Auth.Effects.Ports;

/// <summary>What became of a fenced write (<see cref="ISessionStore.SetAsync(string, Core.Flow.LoginState, WriteFence, CancellationToken)"/>).</summary>
public enum SessionWrite
{
    /// <summary>The state replaced the session's.</summary>
    Written,

    /// <summary>
    /// Refused, and the session is as it was: a newer lease holder or a write outside the lease came first
    /// (<see cref="WriteFence.Admits"/>). The writer reads the session again instead.
    /// </summary>
    Superseded,
}

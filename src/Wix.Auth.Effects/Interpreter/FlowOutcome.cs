using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;

namespace Wix.Auth.Effects.Interpreter;

/// <summary>Where a run of the flow came to rest.</summary>
/// <param name="State">The state after the last accepted event (the one stored for the session).</param>
/// <param name="Rejection">Why the last event was refused, if it was; the state is then as it was before it.</param>
/// <param name="Redirect">Where the flow sends the browser, if it does: the answer of <c>getAuthUrl</c> and <c>logout</c>.</param>
public sealed record FlowOutcome(LoginState State, AuthError? Rejection, string? Redirect)
{
    /// <summary>
    /// True when the store refused the run's write because a newer lease holder (or a write outside the lease) came first;
    /// <see cref="State"/> is then what that writer left, read again, and nothing after the refused write was carried out.
    /// </summary>
    public bool Superseded { get; init; }

    /// <summary>The error of this run: a rejection, or the reason of a <see cref="LoginState.Failed"/> state it ended in.</summary>
    public AuthError? Error => Rejection ?? LoginQueries.FailureOf(State).MatchUnsafe(e => e, () => null);
}

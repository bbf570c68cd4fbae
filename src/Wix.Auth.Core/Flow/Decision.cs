using LanguageExt;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Flow;

/// <summary>
/// The answer of a transition: the next state (which the host stores as the session's state), the one-way effects to
/// carry out in order, and then at most one call whose answer is the next event. "At most one" is the type:
/// a decision cannot wait for two answers.
/// </summary>
public sealed record Decision(LoginState State, Seq<LoginEffect.OneWay> Actions, Option<LoginEffect.Call> Call)
{
    /// <summary>Every effect in the order it is carried out: the actions, then the call.</summary>
    // Built from an array, not with Seq's `+`: LanguageExt's concatenation nests ISeqInternal<ISeqInternal<…>> without
    // bound, which Native AOT's scanner cannot compute (scripts/aot.sh).
    public Seq<LoginEffect> Effects =>
        toSeq(Actions.AsEnumerable().Select(a => (LoginEffect)a).Concat(Call.AsEnumerable().Select(c => (LoginEffect)c)).ToArray());

    /// <summary>Moves to <paramref name="state"/>, carrying out <paramref name="actions"/>; nothing to wait for.</summary>
    public static Decision To(LoginState state, params LoginEffect.OneWay[] actions) => new(state, actions.ToSeq().Strict(), None);

    /// <summary>Moves to <paramref name="state"/>, carries out <paramref name="actions"/>, then waits for the answer to <paramref name="call"/>.</summary>
    public static Decision Calling(LoginState state, LoginEffect.Call call, params LoginEffect.OneWay[] actions) =>
        new(state, actions.ToSeq().Strict(), Some(call));
}

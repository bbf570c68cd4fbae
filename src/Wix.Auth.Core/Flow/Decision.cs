using LanguageExt;

namespace Wix.Auth.Core.Flow;

/// <summary>The answer of a transition: the next state and what must happen, in order.</summary>
public sealed record Decision(LoginState State, Seq<LoginEffect> Effects)
{
    /// <summary>Moves to <paramref name="state"/>, asking for <paramref name="effects"/>.</summary>
    public static Decision To(LoginState state, params LoginEffect[] effects) => new(state, effects.ToSeq().Strict());
}

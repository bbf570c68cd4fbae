using Wix.Auth.Core.Flow;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>Short words for states and effects, as the table and diagram show them.</summary>
public static class Describe
{
    /// <summary>The kind of a state, with the reason of a failure: <c>Failed (authorization_denied)</c>.</summary>
    public static string State(LoginState state) => state switch
    {
        LoginState.Failed f => $"Failed ({f.Reason.Code})",
        LoginState.Idle { Visitor.IsSome: true } => "Idle (visitor)",
        LoginState.Requested { Visitor.IsSome: true } => "Requested (visitor)",
        LoginState.Callback { Taken.IsSome: true } => "Callback (exchanging)",
        LoginState.Callback => "Callback (taking)",
        _ => state.GetType().Name,
    };

    /// <summary>The kind of an effect, with the detail that tells two apart: <c>StoreTokens (member)</c>.</summary>
    public static string Effect(LoginEffect effect) => effect switch
    {
        LoginEffect.Redirect r => $"Redirect ({r.Url})",
        _ => effect.GetType().Name,
    };
}

using System.Globalization;
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

    /// <summary>
    /// Every field of the settings in one line, for the head of <c>transitions.md</c>: written from the settings the table
    /// runs under, never by hand, so the prose cannot name an origin or an issuer the vectors do not use.
    /// </summary>
    public static string Settings(FlowSettings settings)
    {
        static string Code(string text) => $"`{text}`";
        var origins = settings.AllowedOrigins.IsEmpty ? "none" : string.Join(", ", settings.AllowedOrigins.Map(Code));
        var issuer = settings.ExpectedIssuer.Match(Code, () => "none (`iss` not checked)");
        return string.Create(CultureInfo.InvariantCulture,
            $"client {Code(settings.ClientId)}, pending-login TTL {settings.PendingLoginTtl.TotalSeconds} s, refresh margin {settings.RefreshMargin.TotalSeconds} s, "
            + $"allowed origins {origins}, expected issuer {issuer}");
    }
}

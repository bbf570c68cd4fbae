using System.Diagnostics.Metrics;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Interpreter;

namespace Wix.Auth;

/// <summary>
/// The counters of logins and refreshes, fed by the client's entry points. Each method returns its argument, so a
/// result is counted where it is returned.
/// </summary>
internal static class LoginMetrics
{
    private static readonly Counter<long> Started = WixAuthTelemetry.Meter.CreateCounter<long>(
        "wix_auth.logins.started", "{login}", "Logins started: a login URL was issued.");

    private static readonly Counter<long> Completed = WixAuthTelemetry.Meter.CreateCounter<long>(
        "wix_auth.logins.completed", "{login}", "Logins completed: the member's tokens were obtained.");

    private static readonly Counter<long> Failed = WixAuthTelemetry.Meter.CreateCounter<long>(
        "wix_auth.logins.failed", "{login}", "Logins that failed, by error code and step.");

    private static readonly Counter<long> Expired = WixAuthTelemetry.Meter.CreateCounter<long>(
        "wix_auth.pending_logins.expired", "{login}", "Callbacks that arrived after their pending login expired.");

    private static readonly Counter<long> Refreshes = WixAuthTelemetry.Meter.CreateCounter<long>(
        "wix_auth.refreshes", "{refresh}", "Refreshes of a member's tokens, by outcome.");

    private static readonly Counter<long> Refused = WixAuthTelemetry.Meter.CreateCounter<long>(
        "wix_auth.refreshes.refused", "{refresh}", "Refreshes Wix refused: the member's session ended.");

    /// <summary>The result of <c>GetAuthUrlAsync</c>.</summary>
    public static AuthResult<T, AuthError> LoginStarted<T>(AuthResult<T, AuthError> result)
    {
        if (result.IsSuccess) Started.Add(1);
        else LoginFailed(result.Error, "get_auth_url");
        return result;
    }

    /// <summary>The result of <c>GetMemberTokensAsync</c>.</summary>
    public static AuthResult<T, AuthError> LoginCompleted<T>(AuthResult<T, AuthError> result)
    {
        if (result.IsSuccess) Completed.Add(1);
        else LoginFailed(result.Error, "get_member_tokens");
        return result;
    }

    /// <summary>
    /// A refresh run, by outcome; when it ended the member's session (Wix refused the refresh token just now, not a
    /// session that had ended before), a refused refresh too.
    /// </summary>
    public static void Refreshed(FlowOutcome outcome)
    {
        Refreshes.Add(1, new KeyValuePair<string, object?>(TagNames.Outcome, outcome.Error?.Code ?? TagNames.Ok));
        if (outcome.Rejection is null && LoginQueries.FailureOf(outcome.State).Exists(Failures.EndedTheSession)) Refused.Add(1);
    }

    private static void LoginFailed(AuthError error, string step)
    {
        Failed.Add(1, new KeyValuePair<string, object?>(TagNames.ErrorType, error.Code), new KeyValuePair<string, object?>(TagNames.Step, step));
        if (Failures.IsExpiredLogin(error)) Expired.Add(1);
    }
}

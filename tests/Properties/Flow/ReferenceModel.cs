namespace Wix.Auth.Tests.Properties.Flow;

/// <summary>
/// A deliberately small model of the protocol, written from the protocol's description rather than from the code: which
/// phase a client is in, which login is pending since when, where a callback stands, when the tokens it holds
/// expire, and whether the member's identity is known. For each command it predicts the rejection code, or the next phase and the kinds of every effect, in order.
/// </summary>
public sealed record ReferenceModel(
    string Phase,
    string? Pending,
    DateTimeOffset? PendingAt,
    bool VisitorInLogin,
    DateTimeOffset? VisitorExpiresAt,
    DateTimeOffset? MemberExpiresAt,
    DateTimeOffset CallbackAt,
    bool CallbackDenied,
    bool Taken,
    bool EndedByRefusedRefresh,
    bool IdentityKnown)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);
    public const int ExpiresIn = 14_400;

    public static ReferenceModel Initial { get; } = new("Idle", null, null, false, null, null, default, false, false, false, false);

    private bool Resting => Phase is "Idle" or "LoggedOut" or "Failed";

    // A visitor's tokens stay with the session through a login attempt, whatever its outcome.
    private bool VisitorFresh(DateTimeOffset now) => Phase is "Idle" or "Requested" or "Callback" or "Failed" && now + Margin < VisitorExpiresAt;

    /// <summary>The expected outcome ("ok" or a rejection code), the kinds of the effects in order, and the model afterwards.</summary>
    public (string Outcome, string[] Effects, ReferenceModel Next) Step(CommandKind kind, DateTimeOffset now, string freshState)
    {
        var unexpected = ("unexpected_event", System.Array.Empty<string>(), this);
        (string, string[], ReferenceModel) Ok(ReferenceModel next, params string[] effects) => ("ok", effects, next);
        (string, string[], ReferenceModel) No(string code) => (code, [], this);
        var failed = Rest("Failed") with { VisitorExpiresAt = VisitorExpiresAt };
        return kind switch
        {
            CommandKind.Login when Phase == "Authenticated" => No("already_authenticated"),
            CommandKind.Login when Phase == "Callback" && now - CallbackAt <= Ttl => No("callback_already_received"),
            CommandKind.Login => Ok(
                Rest("Requested") with { Pending = freshState, PendingAt = now, VisitorInLogin = VisitorFresh(now), VisitorExpiresAt = VisitorFresh(now) ? VisitorExpiresAt : null },
                [.. Phase == "Requested" ? ["DeletePendingLogin"] : System.Array.Empty<string>(), "StorePendingLogin", VisitorFresh(now) ? "CreateLoginSession" : "ObtainVisitorTokens"]),

            CommandKind.VisitorAsk when Resting => Ok(this, "ObtainVisitorTokens"),
            CommandKind.VisitorOk when Resting => Ok(Rest("Idle") with { VisitorExpiresAt = now.AddSeconds(ExpiresIn) }),
            CommandKind.VisitorOk when Phase == "Requested" && !VisitorInLogin => Ok(this with { VisitorInLogin = true, VisitorExpiresAt = now.AddSeconds(ExpiresIn) }, "CreateLoginSession"),
            CommandKind.VisitorFail when Resting => No("remote_call_failed"),
            CommandKind.VisitorFail when Phase == "Requested" && !VisitorInLogin => Ok(failed, "DeletePendingLogin"),
            CommandKind.SessionOk when Phase == "Requested" && VisitorInLogin => Ok(this, "Redirect"),
            CommandKind.SessionFail when Phase == "Requested" && VisitorInLogin => Ok(failed, "DeletePendingLogin"),

            CommandKind.CallbackGood or CommandKind.CallbackError or CommandKind.CallbackForged when Phase == "Authenticated" => No("already_authenticated"),
            CommandKind.CallbackGood or CommandKind.CallbackError or CommandKind.CallbackForged when Phase == "Callback" => No("callback_already_received"),
            CommandKind.CallbackForged => No("state_mismatch"),
            CommandKind.CallbackGood or CommandKind.CallbackError => Ok(
                Rest("Callback") with
                {
                    Pending = Pending ?? freshState, PendingAt = PendingAt ?? now, CallbackAt = now, CallbackDenied = kind == CommandKind.CallbackError,
                    VisitorExpiresAt = Phase is "LoggedOut" ? null : VisitorExpiresAt,
                },
                "TakePendingLogin"),
            CommandKind.TakeOk when Phase == "Callback" && !Taken && CallbackAt - PendingAt > Ttl => Ok(failed),
            CommandKind.TakeOk when Phase == "Callback" && !Taken && CallbackDenied => Ok(failed),
            CommandKind.TakeOk when Phase == "Callback" && !Taken => Ok(this with { Taken = true }, "ExchangeCode"),
            CommandKind.TakeGone when Phase == "Callback" && !Taken => Ok(failed),
            CommandKind.CodeOk when Phase == "Callback" && Taken => Ok(Rest("Authenticated") with { MemberExpiresAt = now.AddSeconds(ExpiresIn) }),
            CommandKind.CodeFail when Phase == "Callback" && Taken => Ok(failed),

            CommandKind.RefreshAsk when Phase == "Authenticated" => Ok(this, RefreshDue(now) ? ["RefreshTokens"] : []),
            CommandKind.RefreshAsk when Phase is "Idle" or "Failed" && !EndedByRefusedRefresh && VisitorExpiresAt is not null => Ok(this, now + Margin >= VisitorExpiresAt ? ["ObtainVisitorTokens"] : []),
            CommandKind.RefreshAsk => No(EndedByRefusedRefresh && Phase == "Failed" ? "refresh_rejected" : "not_authenticated"),
            CommandKind.RefreshOk when Phase == "Authenticated" => Ok(this with { MemberExpiresAt = now.AddSeconds(ExpiresIn) }),
            // A logout waiting for its refresh: renewed or not, Wix is asked to end its session; refused, the logout is local.
            CommandKind.RefreshOk or CommandKind.RefreshUnreachable when Phase == "LoggingOut" => Ok(Rest("LoggedOut"), "CreateLogoutSession"),
            CommandKind.RefreshRefused when Phase == "LoggingOut" => Ok(Rest("LoggedOut"), "Redirect"),
            CommandKind.RefreshRefused when Phase == "Authenticated" => Ok(Rest("Failed") with { EndedByRefusedRefresh = true }),
            CommandKind.RefreshUnreachable when Phase == "Authenticated" => No("refresh_unavailable"),

            CommandKind.LogoutGood when RefreshDue(now) => Ok(Rest("LoggingOut"), "RefreshTokens"),
            CommandKind.LogoutGood => Ok(Rest("LoggedOut"), Phase switch
            {
                "Authenticated" => ["CreateLogoutSession"],
                "Requested" => ["DeletePendingLogin", "Redirect"],
                _ => ["Redirect"],
            }),
            CommandKind.LogoutBad => No("disallowed_origin"),
            CommandKind.LogoutSessionOk or CommandKind.LogoutSessionFail when Phase == "LoggedOut" => Ok(this, "Redirect"),

            // setTokens: the tokens' role decides the phase; a login in progress is dropped with its pending login.
            CommandKind.SetMemberTokens => Ok(Rest("Authenticated") with { MemberExpiresAt = now.AddSeconds(ExpiresIn) }, Phase == "Requested" ? ["DeletePendingLogin"] : []),
            CommandKind.SetVisitorTokens => Ok(Rest("Idle") with { VisitorExpiresAt = now.AddSeconds(ExpiresIn) }, Phase == "Requested" ? ["DeletePendingLogin"] : []),
            // A login on Wix's page does not know its member: token info is asked once, and a failure leaves it unknown.
            CommandKind.IdentityAsk when Phase == "Authenticated" => Ok(this, IdentityKnown ? [] : ["FetchMemberIdentity"]),
            CommandKind.IdentityAsk => No("not_authenticated"),
            CommandKind.IdentityOk when Phase == "Authenticated" => Ok(this with { IdentityKnown = true }),
            CommandKind.IdentityFail when Phase == "Authenticated" => Ok(this),
            _ => unexpected,
        };
    }

    /// <summary>True when a refresh request must produce a refresh.</summary>
    public bool RefreshDue(DateTimeOffset now) => Phase == "Authenticated" && now + Margin >= MemberExpiresAt;

    private ReferenceModel Rest(string phase) => Initial with { Phase = phase };
}

namespace Wix.Auth.Tests.Properties.Flow;

/// <summary>
/// A deliberately small model of the protocol, written from the protocol page rather than from the code: which
/// phase a client is in, which <c>state</c> is pending since when, and when the tokens it holds expire. It
/// predicts, for each command, the rejection code or the next phase.
/// </summary>
public sealed record ReferenceModel(
    string Phase,
    string? Pending,
    DateTimeOffset PendingAt,
    bool VisitorInLogin,
    DateTimeOffset? VisitorExpiresAt,
    DateTimeOffset? MemberExpiresAt)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);
    public const int ExpiresIn = 14_400;

    public static ReferenceModel Initial { get; } = new("Idle", null, default, false, null, null);

    private bool Resting => Phase is "Idle" or "LoggedOut" or "Failed";

    /// <summary>The expected outcome: "ok" or a rejection code, and the model afterwards.</summary>
    public (string Outcome, ReferenceModel Next) Step(CommandKind kind, DateTimeOffset now, string freshState)
    {
        var unexpected = ("unexpected_event", this);
        var expired = Pending is not null && now - PendingAt > Ttl;
        return kind switch
        {
            CommandKind.Login when Phase == "Authenticated" => ("already_authenticated", this),
            CommandKind.Login when Phase == "Callback" => ("callback_already_received", this),
            CommandKind.Login => ("ok", this with
            {
                Phase = "Requested", Pending = freshState, PendingAt = now,
                VisitorInLogin = Phase is "Idle" or "Requested" && VisitorExpiresAt > now + Margin,
                VisitorExpiresAt = Phase is "Idle" or "Requested" && VisitorExpiresAt > now + Margin ? VisitorExpiresAt : null,
            }),
            CommandKind.VisitorAsk => Resting ? ("ok", this) : unexpected,
            CommandKind.VisitorOk when Resting => ("ok", Rest("Idle") with { VisitorExpiresAt = now.AddSeconds(ExpiresIn) }),
            CommandKind.VisitorOk when Phase == "Requested" && !VisitorInLogin => ("ok", this with { VisitorInLogin = true, VisitorExpiresAt = now.AddSeconds(ExpiresIn) }),
            CommandKind.SessionOk when Phase == "Requested" => ("ok", this),
            CommandKind.LogoutSessionOk when Phase == "LoggedOut" => ("ok", this),
            CommandKind.CallbackGood or CommandKind.CallbackError when Phase == "Requested" && expired => ("pending_login_expired", this),
            CommandKind.CallbackGood when Phase == "Requested" => ("ok", this with { Phase = "Callback", Pending = null, VisitorExpiresAt = null }),
            CommandKind.CallbackError when Phase == "Requested" => ("ok", Rest("Failed")),
            CommandKind.CallbackForged or CommandKind.CallbackReplay when Phase == "Requested" => ("state_mismatch", this),
            CommandKind.CallbackGood or CommandKind.CallbackError or CommandKind.CallbackForged or CommandKind.CallbackReplay =>
                (Phase == "Callback" ? "callback_already_received" : "no_pending_login", this),
            CommandKind.CodeOk when Phase == "Callback" => ("ok", Rest("Authenticated") with { MemberExpiresAt = now.AddSeconds(ExpiresIn) }),
            CommandKind.RefreshAsk => Phase == "Authenticated" ? ("ok", this) : ("not_authenticated", this),
            CommandKind.RefreshOk when Phase == "Authenticated" => ("ok", this with { MemberExpiresAt = now.AddSeconds(ExpiresIn) }),
            CommandKind.FailDefinitive when Phase == "Authenticated" => ("ok", Rest("Failed")),
            CommandKind.FailTransient when Phase == "Authenticated" => ("refresh_unavailable", this),
            CommandKind.FailDefinitive or CommandKind.FailTransient when Phase is "Requested" or "Callback" => ("ok", Rest("Failed")),
            CommandKind.FailDefinitive or CommandKind.FailTransient when Phase == "LoggedOut" => ("ok", this),
            CommandKind.FailDefinitive or CommandKind.FailTransient => ("remote_call_failed", this),
            CommandKind.LogoutGood => ("ok", Rest("LoggedOut")),
            CommandKind.LogoutBad => ("disallowed_origin", this),
            _ => unexpected,
        };
    }

    /// <summary>True when a refresh request must produce a refresh.</summary>
    public bool RefreshDue(DateTimeOffset now) => Phase == "Authenticated" && now + Margin >= MemberExpiresAt;

    private ReferenceModel Rest(string phase) => Initial with { Phase = phase };
}

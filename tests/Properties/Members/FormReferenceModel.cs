using Wix.Auth.Core.Members;

namespace Wix.Auth.Tests.Properties.Members;

/// <summary>A verification as the model sees it.</summary>
public sealed record ModelVerification(DateTimeOffset IssuedAt, int WrongCodes, bool Decoy);

/// <summary>
/// An independent statement of the forms' rules: after each command, the outcome (ok or the rejection's code), the next
/// state's kind (and a failure's code), what the host is told to do with the verification, and whether a call goes out.
/// Wix's error codes are read by <see cref="MemberAnswers"/>, whose table has tests of its own; this model states what the
/// decider does with them.
/// </summary>
public sealed record FormReferenceModel(string Phase, string? FailureCode, MemberAuthCall? Call, DateTimeOffset SubmittedAt, ModelVerification? Verification)
{
    public static readonly FormReferenceModel Initial = new("Idle", null, null, default, null);

    public sealed record Prediction(string Outcome, string[] Actions, bool Calls, FormReferenceModel Next);

    public Prediction Step(FormCommandKind kind, DateTimeOffset now, MemberFormSettings settings, Func<MemberAuthCall, MemberAuthError> refusal) =>
        (Phase, kind) switch
        {
            ("Awaiting", FormCommandKind.Login or FormCommandKind.Register or FormCommandKind.RightCode or FormCommandKind.WrongCode
                or FormCommandKind.ResetMail or FormCommandKind.NewPassword) => Rejected("call_in_progress"),
            (_, FormCommandKind.Login) => Submit(MemberAuthCall.Login, now),
            (_, FormCommandKind.Register) => Submit(MemberAuthCall.Register, now),
            (_, FormCommandKind.ResetMail) => Submit(MemberAuthCall.SendRecoveryEmail, now),
            (_, FormCommandKind.NewPassword) => Submit(MemberAuthCall.Recover, now),
            (_, FormCommandKind.RightCode or FormCommandKind.WrongCode) when Verification is null => Rejected("no_verification_pending"),
            (_, FormCommandKind.RightCode or FormCommandKind.WrongCode) when now - Verification!.IssuedAt > settings.VerificationTtl =>
                new("ok", ["ForgetVerification"], false, new("Failed", "expired", null, default, null)),
            (_, FormCommandKind.RightCode or FormCommandKind.WrongCode) =>
                new("ok", [], true, this with { Phase = "Awaiting", Call = MemberAuthCall.Verify, SubmittedAt = now, FailureCode = null }),
            (not "Awaiting", _) => Rejected("unexpected_event"),
            (_, FormCommandKind.MailAccepted) => Call == MemberAuthCall.SendRecoveryEmail ? Rest("ResetMailSent", null) : Rejected("unexpected_event"),
            _ when Verification is { Decoy: true } => WrongCode(settings),
            (_, FormCommandKind.AnsweredLoggedIn or FormCommandKind.AnsweredVerify or FormCommandKind.AnsweredApproval)
                when Call == MemberAuthCall.SendRecoveryEmail => Rejected("unexpected_event"),
            (_, FormCommandKind.AnsweredLoggedIn) => Ending("LoggedIn", null),
            (_, FormCommandKind.AnsweredApproval) => Ending("ApprovalRequired", null),
            (_, FormCommandKind.AnsweredVerify) => Keeping(settings, new ModelVerification(SubmittedAt, 0, false), null),
            _ => Refused(settings, refusal(Call!.Value)),
        };

    private Prediction Refused(MemberFormSettings settings, MemberAuthError error) => (Call, error) switch
    {
        (MemberAuthCall.Login, { IsWrongCredentials: true }) => Ending("Failed", "wrong_credentials"),
        (MemberAuthCall.SendRecoveryEmail, MemberAuthError.MemberNotFound) => Ending("ResetMailSent", null),
        (MemberAuthCall.Register, MemberAuthError.EmailAlreadyExists) when settings.HideExistingMembersAtSignUp =>
            Keeping(settings, new ModelVerification(SubmittedAt, 0, true), null),
        (MemberAuthCall.Verify, MemberAuthError.WrongVerificationCode) => WrongCode(settings),
        _ => Ending("Failed", error.Code),
    };

    private Prediction WrongCode(MemberFormSettings settings) =>
        Verification!.WrongCodes + 1 >= settings.MaxCodeAttempts
            ? Ending("Failed", "too_many_wrong_codes")
            : Keeping(settings, Verification with { WrongCodes = Verification.WrongCodes + 1 }, "wrong_verification_code");

    private Prediction Submit(MemberAuthCall call, DateTimeOffset now) =>
        new("ok", Verification is null ? [] : ["ForgetVerification"], true, new("Awaiting", null, call, now, null));

    private Prediction Keeping(MemberFormSettings settings, ModelVerification kept, string? failure) =>
        new("ok", ["KeepVerification"], false, new(failure is null ? "VerificationRequired" : "Failed", failure, null, default, kept));

    private Prediction Ending(string phase, string? failure) =>
        new("ok", Verification is null ? [] : ["ForgetVerification"], false, new(phase, failure, null, default, null));

    private Prediction Rest(string phase, string? failure) => new("ok", [], false, new(phase, failure, null, default, null));

    private Prediction Rejected(string code) => new(code, [], false, this);
}

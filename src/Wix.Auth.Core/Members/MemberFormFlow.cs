using LanguageExt;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Nullables;
using static Wix.Auth.Core.Members.MemberFormAction;
using static Wix.Auth.Core.Members.MemberFormEvent;
using static Wix.Auth.Core.Members.MemberFormState;

namespace Wix.Auth.Core.Members;

/// <summary>
/// The site's own forms as one total, pure transition: a submitted form is checked and becomes one call; Wix's answer
/// becomes the next state, and what the host keeps between requests (the verification) is decided with it. A rejection
/// leaves the state as it was and asks for nothing.
/// </summary>
public static class MemberFormFlow
{
    /// <summary>The initial state.</summary>
    public static readonly MemberFormState Initial = new Idle();

    /// <summary>The next state, its actions and the call to make, or why the event is refused. The first matching line wins.</summary>
    public static Either<MemberAuthError, MemberFormDecision> Transition(MemberFormSettings settings, MemberFormState state, MemberFormEvent @event) =>
        (state, @event) switch
        {
            (Awaiting, LoginSubmitted or RegistrationSubmitted or CodeSubmitted or ResetMailRequested or NewPasswordSubmitted)
                => new MemberAuthError.CallInProgress(),

            (_, LoginSubmitted l) => Checked(l.Email, l.Password).Map(_ => Send(state,
                new Awaiting(MemberAuthCall.Login, l.Now, l.ReturnTo, None),
                new MemberAuthRequest.Login(l.AccessToken, l.Email.Trim(), l.Password, l.Captcha))),
            (_, RegistrationSubmitted r) => Checked(r.Email, r.Password).Map(_ => Send(state,
                new Awaiting(MemberAuthCall.Register, r.Now, r.ReturnTo, None) { Decoy = r.DecoyStateToken },
                new MemberAuthRequest.Register(r.AccessToken, r.Email.Trim(), r.Password, r.Profile, r.Captcha))),
            (_, CodeSubmitted c) => VerificationOf(state).Match(v => Verify(settings, v, c), () => new MemberAuthError.NoVerificationPending()),
            (_, ResetMailRequested m) => CheckedEmail(m.Email).Map(_ => MemberFormDecision.Calling(
                new Awaiting(MemberAuthCall.SendRecoveryEmail, default, None, None),
                new MemberFormCall.SendResetMail(new MemberAuthRequest.SendRecoveryEmail(m.AccessToken, m.Email.Trim(), m.RedirectUrl, m.ClientId)),
                Leaving(state))),
            (_, NewPasswordSubmitted p) => p.Password.IsEmpty
                ? new MemberAuthError.InvalidField("password", "REQUIRED")
                : Send(state, new Awaiting(MemberAuthCall.Recover, p.Now, None, None), new MemberAuthRequest.Recover(p.AccessToken, p.RecoveryToken, p.Password)),

            (Awaiting { Verification.Case: PendingVerification { Decoy: true } v } a, StateAnswered or CallRefused) => WrongCode(settings, a, v),
            (Awaiting { Call: not MemberAuthCall.SendRecoveryEmail } a, StateAnswered answer) => Answered(settings, a, MemberAnswers.FromState(answer.Reply)),
            (Awaiting a, CallRefused refused) => Refused(settings, a, MemberAnswers.FromFailure(a.Call, refused.Failure)),
            (Awaiting { Call: MemberAuthCall.SendRecoveryEmail }, ResetMailAccepted) => MemberFormDecision.To(new ResetMailSent()),

            _ => new MemberAuthError.UnexpectedEvent(state.GetType().Name, @event.GetType().Name),
        };

    /// <summary>What a finished submission came to: the step the member is at, or why it failed.</summary>
    public static Either<MemberAuthError, MemberAuthStep> Outcome(MemberFormState state) => state switch
    {
        LoggedIn s => new MemberAuthStep.LoggedIn(s.SessionToken, Nullable(s.Member)) { ReturnTo = Nullable(s.ReturnTo) },
        VerificationRequired v => new MemberAuthStep.EmailVerificationRequired(v.Verification.StateToken, Nullable(v.Verification.Member)),
        ApprovalRequired a => new MemberAuthStep.OwnerApprovalRequired(Nullable(a.Member)),
        _ => FailureOf(state),
    };

    /// <summary>What a reset-mail submission came to: sent, or why not.</summary>
    public static Either<MemberAuthError, Unit> MailOutcome(MemberFormState state) =>
        state is ResetMailSent ? Right<MemberAuthError, Unit>(unit) : Left<MemberAuthError, Unit>(FailureOf(state));

    private static MemberAuthError FailureOf(MemberFormState state) =>
        state is Failed failed ? failed.Reason : new MemberAuthError.UnexpectedEvent(state.GetType().Name, "answer");

    /// <summary>The verification the visitor is in, if any: a code continues it, any other form ends it.</summary>
    private static Option<PendingVerification> VerificationOf(MemberFormState state) => state switch
    {
        VerificationRequired v => Some(v.Verification),
        Failed f => f.Verification,
        _ => None,
    };

    private static MemberFormAction[] Leaving(MemberFormState state) => VerificationOf(state).IsSome ? [new ForgetVerification()] : [];

    private static MemberFormDecision Send(MemberFormState from, Awaiting awaiting, MemberAuthRequest request) =>
        MemberFormDecision.Calling(awaiting, new MemberFormCall.SendForState(request), Leaving(from));

    /// <summary>
    /// A code for a verification still within its TTL goes to Wix with the state token (a decoy's too, so that it takes as
    /// long as a real one); an expired verification ends without a call.
    /// </summary>
    private static Either<MemberAuthError, MemberFormDecision> Verify(MemberFormSettings settings, PendingVerification v, CodeSubmitted c) =>
        MemberFormQueries.CheckVerificationAge(settings, v.IssuedAt, c.Now).IsLeft ? MemberFormDecision.To(new Failed(new MemberAuthError.Expired(), None), new ForgetVerification())
        : c.Code.IsEmpty ? new MemberAuthError.InvalidField("code", "REQUIRED")
        : MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Verify, c.Now, v.ReturnTo, Some(v)),
            new MemberFormCall.SendForState(new MemberAuthRequest.Verify(c.AccessToken, c.Code, v.StateToken)));

    /// <summary>
    /// Wix's step: a mailed code is a verification to keep; any other step ends the verification a code continued. A
    /// login returns where its form said, a verified one where its sign-up or login said.
    /// </summary>
    private static MemberFormDecision Answered(MemberFormSettings settings, Awaiting a, Either<MemberAuthError, MemberAuthStep> outcome) =>
        outcome.Match(
            step => step switch
            {
                MemberAuthStep.EmailVerificationRequired v => Keep(settings, a, new PendingVerification(v.StateToken, Optional(v.Member), a.SubmittedAt, a.ReturnTo)),
                MemberAuthStep.LoggedIn s => Ending(a, new LoggedIn(s.SessionToken, Optional(s.Member) || a.Verification.Bind(v => v.Member), a.ReturnTo)),
                _ => Ending(a, new ApprovalRequired(Optional(step.Member))),
            },
            error => Refused(settings, a, error));

    /// <summary>
    /// Wix's refusal, told so that no form reveals who is a member: a wrong password and an unknown address are the same
    /// <see cref="MemberAuthError.WrongCredentials"/>; a reset mail to an unknown address is "sent"; with
    /// <see cref="MemberFormSettings.HideExistingMembersAtSignUp"/>, a sign-up with a member's address gets a decoy
    /// verification. A wrong code may be tried again, within the bound; any other refusal ends the verification.
    /// </summary>
    private static MemberFormDecision Refused(MemberFormSettings settings, Awaiting a, MemberAuthError error) =>
        (a.Call, error, a.Verification.Case, a.Decoy.Case) switch
        {
            (MemberAuthCall.Login, { IsWrongCredentials: true }, _, _) => MemberFormDecision.To(new Failed(new MemberAuthError.WrongCredentials(), None)),
            (MemberAuthCall.SendRecoveryEmail, MemberAuthError.MemberNotFound, _, _) => MemberFormDecision.To(new ResetMailSent()),
            (MemberAuthCall.Register, MemberAuthError.EmailAlreadyExists, _, Secret decoy) when settings.HideExistingMembersAtSignUp =>
                Keep(settings, a, new PendingVerification(decoy, None, a.SubmittedAt, a.ReturnTo) { Decoy = true }),
            (MemberAuthCall.Verify, MemberAuthError.WrongVerificationCode, PendingVerification v, _) => WrongCode(settings, a, v),
            _ => Ending(a, new Failed(error, None)),
        };

    /// <summary>One more wrong code: the verification is kept for another try, or ends with the last allowed one.</summary>
    private static MemberFormDecision WrongCode(MemberFormSettings settings, Awaiting a, PendingVerification v) =>
        v.WrongCodes + 1 >= settings.MaxCodeAttempts
            ? Ending(a, new Failed(new MemberAuthError.TooManyWrongCodes(), None))
            : Keep(settings, a, v with { WrongCodes = v.WrongCodes + 1 }, new MemberAuthError.WrongVerificationCode());

    // Kept for what is left of its TTL at the submission that the answer answers.
    private static MemberFormDecision Keep(MemberFormSettings settings, Awaiting a, PendingVerification v, MemberAuthError? wrong = null) =>
        MemberFormDecision.To(wrong is null ? new VerificationRequired(v) : new Failed(wrong, Some(v)),
            new KeepVerification(v, v.IssuedAt + settings.VerificationTtl - a.SubmittedAt));

    /// <summary>Moves to <paramref name="state"/>; a verification the call continued has ended and is forgotten.</summary>
    private static MemberFormDecision Ending(Awaiting a, MemberFormState state) =>
        a.Verification.IsSome ? MemberFormDecision.To(state, new ForgetVerification()) : MemberFormDecision.To(state);

    private static Either<MemberAuthError, Unit> Checked(string email, Secret password) =>
        CheckedEmail(email).Bind<Unit>(_ => password.IsEmpty
            ? Left<MemberAuthError, Unit>(new MemberAuthError.InvalidField("password", "REQUIRED"))
            : Right<MemberAuthError, Unit>(unit));

    /// <summary>The shape of an address, checked before anything is sent: one <c>@</c>, a dot after it, no spaces, 254 characters at most.</summary>
    internal static Either<MemberAuthError, string> CheckedEmail(string email)
    {
        var text = email.Trim();
        var at = text.IndexOf('@');
        var valid = text.Length <= 254 && at > 0 && at == text.LastIndexOf('@') &&
                    text.IndexOf('.', at) > at + 1 && !text.EndsWith('.') && !text.Any(char.IsWhiteSpace);
        return valid ? Right<MemberAuthError, string>(text) : Left<MemberAuthError, string>(new MemberAuthError.InvalidEmail());
    }
}

using LanguageExt;
using Wix.Auth.Core.Protocol;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Members.MemberFormEvent;
using static Wix.Auth.Core.Members.MemberFormState;

namespace Wix.Auth.Core.Members;

/// <summary>
/// The site's own forms as one total, pure transition: a submitted form is checked and becomes one call; Wix's
/// answer becomes the next state. A rejection leaves the state as it was and asks for nothing.
/// </summary>
public static class MemberFormFlow
{
    /// <summary>The initial state.</summary>
    public static readonly MemberFormState Initial = new Idle();

    /// <summary>The next state and the call to make, or why the event is refused. The first matching line wins.</summary>
    public static Either<MemberAuthError, MemberFormDecision> Transition(MemberFormState state, MemberFormEvent @event) =>
        (state, @event) switch
        {
            (Awaiting, LoginSubmitted or RegistrationSubmitted or CodeSubmitted or ResetMailRequested or NewPasswordSubmitted)
                => new MemberAuthError.CallInProgress(),

            (_, LoginSubmitted l) => Checked(l.Email, l.Password, "password").Map(_ =>
                Send(MemberAuthCall.Login, new MemberAuthRequest.Login(l.AccessToken, l.Email.Trim(), l.Password, l.Captcha))),
            (_, RegistrationSubmitted r) => Checked(r.Email, r.Password, "password").Map(_ =>
                Send(MemberAuthCall.Register, new MemberAuthRequest.Register(r.AccessToken, r.Email.Trim(), r.Password, r.Profile, r.Captcha))),
            (VerificationRequired v, CodeSubmitted c) => Verify(v.StateToken, c),
            (Failed { StateToken.Case: Secrets.Secret token }, CodeSubmitted c) => Verify(token, c),
            (_, CodeSubmitted) => new MemberAuthError.NoVerificationPending(),
            (_, ResetMailRequested m) => CheckedEmail(m.Email).Map(_ => MemberFormDecision.Calling(
                new Awaiting(MemberAuthCall.SendRecoveryEmail, None),
                new MemberFormCall.SendResetMail(new MemberAuthRequest.SendRecoveryEmail(m.AccessToken, m.Email.Trim(), m.RedirectUrl, m.ClientId)))),
            (_, NewPasswordSubmitted p) => p.Password.IsEmpty
                ? new MemberAuthError.InvalidField("password", "REQUIRED")
                : Send(MemberAuthCall.Recover, new MemberAuthRequest.Recover(p.AccessToken, p.RecoveryToken, p.Password)),

            (Awaiting { Call: not MemberAuthCall.SendRecoveryEmail } a, StateAnswered answer) => Answered(a, MemberAnswers.FromState(answer.Reply)),
            (Awaiting a, CallRefused refused) => Answered(a, MemberAnswers.FromFailure(a.Call, refused.Failure)),
            (Awaiting { Call: MemberAuthCall.SendRecoveryEmail }, ResetMailAccepted) => MemberFormDecision.To(new ResetMailSent()),

            _ => new MemberAuthError.UnexpectedEvent(state.GetType().Name, @event.GetType().Name),
        };

    /// <summary>What a finished submission came to: the step the member is at, or why it failed.</summary>
    public static Either<MemberAuthError, MemberAuthStep> Outcome(MemberFormState state) => state switch
    {
        LoggedIn s => new MemberAuthStep.LoggedIn(s.SessionToken, s.Member),
        VerificationRequired v => new MemberAuthStep.EmailVerificationRequired(v.StateToken, v.Member),
        ApprovalRequired a => new MemberAuthStep.OwnerApprovalRequired(a.Member),
        _ => FailureOf(state),
    };

    /// <summary>What a reset-mail submission came to: sent, or why not.</summary>
    public static Either<MemberAuthError, Unit> MailOutcome(MemberFormState state) =>
        state is ResetMailSent ? Right<MemberAuthError, Unit>(unit) : Left<MemberAuthError, Unit>(FailureOf(state));

    private static MemberAuthError FailureOf(MemberFormState state) =>
        state is Failed failed ? failed.Reason : new MemberAuthError.UnexpectedEvent(state.GetType().Name, "answer");

    /// <summary>A state token outlives a wrong code, so the member can try again; any other outcome ends it.</summary>
    private static MemberFormDecision Answered(Awaiting awaiting, Either<MemberAuthError, MemberAuthStep> outcome) =>
        MemberFormDecision.To(outcome.Match<MemberFormState>(
            step => step switch
            {
                MemberAuthStep.LoggedIn s => new LoggedIn(s.SessionToken, s.Member),
                MemberAuthStep.EmailVerificationRequired v => new VerificationRequired(v.StateToken, v.Member),
                _ => new ApprovalRequired(step.Member),
            },
            error => new Failed(error, error is MemberAuthError.WrongVerificationCode ? awaiting.StateToken : None)));

    private static Either<MemberAuthError, MemberFormDecision> Verify(Secrets.Secret stateToken, CodeSubmitted c) =>
        c.Code.IsEmpty
            ? new MemberAuthError.InvalidField("code", "REQUIRED")
            : MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Verify, Some(stateToken)),
                new MemberFormCall.SendForState(new MemberAuthRequest.Verify(c.AccessToken, c.Code, stateToken)));

    private static MemberFormDecision Send(MemberAuthCall call, MemberAuthRequest request) =>
        MemberFormDecision.Calling(new Awaiting(call, None), new MemberFormCall.SendForState(request));

    private static Either<MemberAuthError, Unit> Checked(string email, Secrets.Secret password, string field) =>
        CheckedEmail(email).Bind<Unit>(_ => password.IsEmpty
            ? Left<MemberAuthError, Unit>(new MemberAuthError.InvalidField(field, "REQUIRED"))
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

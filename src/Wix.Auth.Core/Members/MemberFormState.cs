using LanguageExt;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Members;

/// <summary>
/// Where the site's own login, sign-up, verification and reset forms stand for one visitor. Closed; the transition
/// is <see cref="MemberFormFlow.Transition"/>. Between requests a host keeps only the <see cref="PendingVerification"/>
/// the decisions tell it to keep, and resumes from it (<see cref="MemberFormQueries.Resume"/>).
/// </summary>
public abstract record MemberFormState
{
    private MemberFormState() { }

    /// <summary>Nothing submitted yet, or nothing that waits for the visitor.</summary>
    public sealed record Idle : MemberFormState;

    /// <summary>
    /// A request is out; its answer is the next event. <paramref name="Verification"/> is the verification a code
    /// continues, <see cref="Decoy"/> the state token shown instead of a sign-up's refusal when that refusal would
    /// tell that the address is a member's.
    /// </summary>
    public sealed record Awaiting(MemberAuthCall Call, DateTimeOffset SubmittedAt, Option<string> ReturnTo, Option<PendingVerification> Verification)
        : MemberFormState
    {
        /// <summary>The token of the verification to show if the sign-up is refused for an existing member.</summary>
        public Option<Secret> Decoy { get; init; }
    }

    /// <summary>A code was mailed (or, for a decoy, seems to have been): the visitor keeps the verification.</summary>
    public sealed record VerificationRequired(PendingVerification Verification) : MemberFormState;

    /// <summary>The site owner must approve the member.</summary>
    public sealed record ApprovalRequired(Option<MemberIdentity> Member) : MemberFormState;

    /// <summary>
    /// Authenticated: the session token is ready to become member tokens through a session-token login
    /// (<see cref="MemberFormQueries.LoginRequestOf"/>), which returns to <paramref name="ReturnTo"/>.
    /// </summary>
    public sealed record LoggedIn(Secret SessionToken, Option<MemberIdentity> Member, Option<string> ReturnTo) : MemberFormState;

    /// <summary>The reset mail went out (or, for an address that is no member's, the visitor is told so alike).</summary>
    public sealed record ResetMailSent : MemberFormState;

    /// <summary>The last attempt failed; after a wrong code the verification stays (<paramref name="Verification"/>), to be tried again.</summary>
    public sealed record Failed(MemberAuthError Reason, Option<PendingVerification> Verification) : MemberFormState;
}

/// <summary>
/// A verification waiting for the mailed code: what a host keeps between requests (a protected cookie, the tab's
/// storage, memory), told by <see cref="MemberFormAction.KeepVerification"/> and <see cref="MemberFormAction.ForgetVerification"/>.
/// Invariant: <see cref="WrongCodes"/> is below <see cref="MemberFormSettings.MaxCodeAttempts"/>.
/// </summary>
/// <param name="StateToken">Wix's state token for the code.</param>
/// <param name="Member">The member Wix named, when it did.</param>
/// <param name="IssuedAt">When the code was asked for: the verification ends <see cref="MemberFormSettings.VerificationTtl"/> later.</param>
/// <param name="ReturnTo">Where the member goes once verified, as the form gave it (checked when the login starts).</param>
public sealed record PendingVerification(Secret StateToken, Option<MemberIdentity> Member, DateTimeOffset IssuedAt, Option<string> ReturnTo)
{
    /// <summary>How many wrong codes were entered so far.</summary>
    public int WrongCodes { get; init; }

    /// <summary>True when no code was mailed: a sign-up with a member's address, answered like a new member's.</summary>
    public bool Decoy { get; init; }
}

/// <summary>What happened: a form submitted (with the visitor's access token to send it with), or Wix's answer to the call.</summary>
public abstract record MemberFormEvent
{
    private MemberFormEvent() { }

    /// <summary>The login form: email and password, and captcha tokens if the page has a captcha.</summary>
    public sealed record LoginSubmitted(Secret AccessToken, string Email, Secret Password, Option<CaptchaTokens> Captcha, DateTimeOffset Now)
        : MemberFormEvent
    {
        /// <summary>Where the member goes once logged in.</summary>
        public Option<string> ReturnTo { get; init; }
    }

    /// <summary>
    /// The sign-up form. <paramref name="DecoyStateToken"/> is fresh random data from the host: the state token of the
    /// verification shown instead of "this address is a member's" (<see cref="MemberFormSettings.HideExistingMembersAtSignUp"/>).
    /// </summary>
    public sealed record RegistrationSubmitted(Secret AccessToken, string Email, Secret Password, Option<MemberProfile> Profile,
        Option<CaptchaTokens> Captcha, Secret DecoyStateToken, DateTimeOffset Now) : MemberFormEvent
    {
        /// <summary>Where the member goes once signed up (and verified).</summary>
        public Option<string> ReturnTo { get; init; }
    }

    /// <summary>The code from the mail.</summary>
    public sealed record CodeSubmitted(Secret AccessToken, Secret Code, DateTimeOffset Now) : MemberFormEvent;

    /// <summary>"Forgot password": where the mail's link leads (already allowed by the return-URL policy).</summary>
    public sealed record ResetMailRequested(Secret AccessToken, string Email, string RedirectUrl, string ClientId) : MemberFormEvent;

    /// <summary>The new password, with the token from the reset mail's link.</summary>
    public sealed record NewPasswordSubmitted(Secret AccessToken, Secret RecoveryToken, Secret Password, DateTimeOffset Now) : MemberFormEvent;

    /// <summary>Answer to <see cref="MemberFormCall.SendForState"/>: the login state Wix answered.</summary>
    public sealed record StateAnswered(LoginStateReply Reply) : MemberFormEvent;

    /// <summary>Answer to any call: Wix refused, or could not be reached.</summary>
    public sealed record CallRefused(IdentityFailure Failure) : MemberFormEvent;

    /// <summary>Answer to <see cref="MemberFormCall.SendResetMail"/>: the mail went out.</summary>
    public sealed record ResetMailAccepted : MemberFormEvent;
}

/// <summary>The calls the forms make; each is answered by exactly one of its answer events.</summary>
public abstract record MemberFormCall
{
    private MemberFormCall() { }

    /// <summary>Login, register, verify or recover; answered by <see cref="MemberFormEvent.StateAnswered"/> or <see cref="MemberFormEvent.CallRefused"/>.</summary>
    public sealed record SendForState(MemberAuthRequest Request) : MemberFormCall;

    /// <summary>The reset mail; answered by <see cref="MemberFormEvent.ResetMailAccepted"/> or <see cref="MemberFormEvent.CallRefused"/>.</summary>
    public sealed record SendResetMail(MemberAuthRequest.SendRecoveryEmail Request) : MemberFormCall;
}

/// <summary>What the host does with the verification it keeps between requests; nothing comes back.</summary>
public abstract record MemberFormAction
{
    private MemberFormAction() { }

    /// <summary>
    /// Keep <paramref name="Verification"/> for this visitor (replacing any other) for <paramref name="TimeToLive"/>: what is
    /// left of its TTL when the answer came.
    /// </summary>
    public sealed record KeepVerification(PendingVerification Verification, TimeSpan TimeToLive) : MemberFormAction;

    /// <summary>Delete the verification this visitor keeps: it ended.</summary>
    public sealed record ForgetVerification : MemberFormAction;
}

/// <summary>The next state, what to do with the kept verification first, then at most one call (the type allows no more).</summary>
public sealed record MemberFormDecision(MemberFormState State, Seq<MemberFormAction> Actions, Option<MemberFormCall> Call)
{
    /// <summary>Moves to <paramref name="state"/>, carrying out <paramref name="actions"/>; nothing to wait for.</summary>
    public static MemberFormDecision To(MemberFormState state, params MemberFormAction[] actions) =>
        new(state, actions.ToSeq().Strict(), Option<MemberFormCall>.None);

    /// <summary>Moves to <paramref name="state"/>, carries out <paramref name="actions"/>, then waits for the answer to <paramref name="call"/>.</summary>
    public static MemberFormDecision Calling(MemberFormState state, MemberFormCall call, params MemberFormAction[] actions) =>
        new(state, actions.ToSeq().Strict(), Prelude.Some(call));
}

using LanguageExt;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Members;

/// <summary>
/// Where the site's own login, sign-up, verification and reset forms stand for one visitor. Closed; the transition
/// is <see cref="MemberFormFlow.Transition"/>.
/// </summary>
public abstract record MemberFormState
{
    private MemberFormState() { }

    /// <summary>Nothing submitted yet.</summary>
    public sealed record Idle : MemberFormState;

    /// <summary>
    /// A request is out; its answer is the next event. <paramref name="StateToken"/> is the verification it continues,
    /// kept so a wrong code can be tried again.
    /// </summary>
    public sealed record Awaiting(MemberAuthCall Call, Option<Secret> StateToken) : MemberFormState;

    /// <summary>A code was mailed; the state token goes with it.</summary>
    public sealed record VerificationRequired(Secret StateToken, Option<MemberIdentity> Member) : MemberFormState;

    /// <summary>The site owner must approve the member.</summary>
    public sealed record ApprovalRequired(Option<MemberIdentity> Member) : MemberFormState;

    /// <summary>Authenticated: the session token is ready to become member tokens.</summary>
    public sealed record LoggedIn(Secret SessionToken, Option<MemberIdentity> Member) : MemberFormState;

    /// <summary>The reset mail went out.</summary>
    public sealed record ResetMailSent : MemberFormState;

    /// <summary>The last attempt failed; a verification that may be retried keeps its state token.</summary>
    public sealed record Failed(MemberAuthError Reason, Option<Secret> StateToken) : MemberFormState;
}

/// <summary>What happened: a form submitted (with the visitor's access token to send it with), or Wix's answer to the call.</summary>
public abstract record MemberFormEvent
{
    private MemberFormEvent() { }

    /// <summary>The login form: email and password, and captcha tokens if the page has a captcha.</summary>
    public sealed record LoginSubmitted(Secret AccessToken, string Email, Secret Password, Option<CaptchaTokens> Captcha) : MemberFormEvent;

    /// <summary>The sign-up form.</summary>
    public sealed record RegistrationSubmitted(Secret AccessToken, string Email, Secret Password, Option<MemberProfile> Profile,
        Option<CaptchaTokens> Captcha) : MemberFormEvent;

    /// <summary>The code from the mail.</summary>
    public sealed record CodeSubmitted(Secret AccessToken, Secret Code) : MemberFormEvent;

    /// <summary>"Forgot password": where the mail's link leads (already allowed by the host's return-URL policy).</summary>
    public sealed record ResetMailRequested(Secret AccessToken, string Email, string RedirectUrl, string ClientId) : MemberFormEvent;

    /// <summary>The new password, with the token from the reset mail's link.</summary>
    public sealed record NewPasswordSubmitted(Secret AccessToken, Secret RecoveryToken, Secret Password) : MemberFormEvent;

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

/// <summary>The next state and at most one call to make (the type allows no more).</summary>
public sealed record MemberFormDecision(MemberFormState State, Option<MemberFormCall> Call)
{
    /// <summary>Moves to <paramref name="state"/>; nothing to wait for.</summary>
    public static MemberFormDecision To(MemberFormState state) => new(state, Option<MemberFormCall>.None);

    /// <summary>Moves to <paramref name="state"/> and waits for the answer to <paramref name="call"/>.</summary>
    public static MemberFormDecision Calling(MemberFormState state, MemberFormCall call) => new(state, Prelude.Some(call));
}

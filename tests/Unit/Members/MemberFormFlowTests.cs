using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Members.MemberFormEvent;
using static Wix.Auth.Core.Members.MemberFormState;

namespace Wix.Auth.Tests.Unit.Members;

/// <summary>The site's own forms: whole decisions (state and call) for each step, and a rejection for everything else.</summary>
public sealed class MemberFormFlowTests
{
    private static readonly Secret Visitor = new("at-visitor");
    private static readonly Secret Password = new("Secret-123");
    private static readonly Secret StateToken = new("vt-1");
    private static readonly MemberIdentity Jane = new("m-1", None, Some("jane@example.com"), Some(false));

    private static MemberFormDecision Decide(MemberFormState state, MemberFormEvent @event) =>
        MemberFormFlow.Transition(state, @event).Match(d => d, e => throw new Xunit.Sdk.XunitException($"rejected: {e.Code}"));

    private static MemberAuthError Reject(MemberFormState state, MemberFormEvent @event) =>
        MemberFormFlow.Transition(state, @event).Match(d => throw new Xunit.Sdk.XunitException($"decided {d}"), e => e);

    /// <summary>The address a reset mail goes to, or the code of the refusal.</summary>
    private static string MailedTo(string email) =>
        MemberFormFlow.Transition(MemberFormFlow.Initial, new ResetMailRequested(Visitor, email, "https://shop.example/reset", "cid"))
            .Match(d => d.Call.Case is MemberFormCall.SendResetMail mail ? mail.Request.Email : $"decided {d}", e => e.Code);

    private static IdentityFailure Refusal(string code) => IdentityFailure.Of(new WixError(code, None, 400, None));

    [Fact]
    public void A_login_form_becomes_one_login_call_with_the_email_trimmed()
    {
        var decision = Decide(MemberFormFlow.Initial, new LoginSubmitted(Visitor, " jane@example.com ", Password, None));

        Assert.Equal(MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Login, None),
            new MemberFormCall.SendForState(new MemberAuthRequest.Login(Visitor, "jane@example.com", Password, None))), decision);
    }

    [Theory]
    [InlineData("not-an-email", "Secret-123", "invalid_email")]
    [InlineData("jane@example", "Secret-123", "invalid_email")]
    [InlineData("ja ne@example.com", "Secret-123", "invalid_email")]
    [InlineData("jane@@example.com", "Secret-123", "invalid_email")]
    [InlineData("jane@example.com", "", "invalid_field")]
    public void A_form_that_cannot_succeed_is_refused_before_anything_is_sent(string email, string password, string code)
    {
        Assert.Equal(code, Reject(MemberFormFlow.Initial, new LoginSubmitted(Visitor, email, new Secret(password), None)).Code);
        Assert.Equal(code, Reject(MemberFormFlow.Initial, new RegistrationSubmitted(Visitor, email, new Secret(password), None, None)).Code);
    }

    [Fact]
    public void An_empty_password_or_code_is_refused_naming_the_field()
    {
        var passwordRequired = new MemberAuthError.InvalidField("password", "REQUIRED");

        Assert.Equal(passwordRequired, Reject(MemberFormFlow.Initial, new LoginSubmitted(Visitor, "jane@example.com", new Secret(""), None)));
        Assert.Equal(passwordRequired, Reject(MemberFormFlow.Initial, new RegistrationSubmitted(Visitor, "jane@example.com", new Secret(""), None, None)));
        Assert.Equal(passwordRequired, Reject(new ResetMailSent(), new NewPasswordSubmitted(Visitor, new Secret("rec-1"), new Secret(""))));
        Assert.Equal(new MemberAuthError.InvalidField("code", "REQUIRED"),
            Reject(new VerificationRequired(StateToken, None), new CodeSubmitted(Visitor, new Secret(""))));
    }

    [Theory]
    [InlineData("a@b.co")]
    [InlineData("jane.doe@mail.example.com")]
    [InlineData("a@b.c.d")]
    public void A_well_formed_address_is_accepted_trimmed(string email) => Assert.Equal(email, MailedTo($" {email}\t"));

    [Theory]
    [InlineData("@b.co")]             // nothing before the @
    [InlineData("a@.com")]            // the dot right after the @
    [InlineData("a@b.")]              // ends with a dot
    [InlineData("a.b@com")]           // a dot only before the @
    [InlineData("a@b@c.com")]
    [InlineData("a@b .com")]
    [InlineData("")]
    public void A_malformed_address_is_refused(string email) => Assert.Equal("invalid_email", MailedTo(email));

    [Fact]
    public void An_address_may_be_254_characters_long_and_no_longer()
    {
        var longest = new string('a', 64) + "@" + new string('b', 185) + ".com";
        var tooLong = new string('a', 65) + "@" + new string('b', 185) + ".com";

        Assert.Equal((254, 255), (longest.Length, tooLong.Length));
        Assert.Equal(longest, MailedTo(longest));
        Assert.Equal("invalid_email", MailedTo(tooLong));
    }

    [Fact]
    public void Each_answer_of_a_login_is_its_own_state()
    {
        var awaiting = new Awaiting(MemberAuthCall.Login, None);

        Assert.Equal(MemberFormDecision.To(new LoggedIn(new Secret("st"), Some(Jane))),
            Decide(awaiting, new StateAnswered(new LoginStateReply("SUCCESS", Some(new Secret("st")), None, Some(Jane)))));
        Assert.Equal(MemberFormDecision.To(new VerificationRequired(StateToken, Some(Jane))),
            Decide(awaiting, new StateAnswered(new LoginStateReply("REQUIRE_EMAIL_VERIFICATION", None, Some(StateToken), Some(Jane)))));
        Assert.Equal(MemberFormDecision.To(new ApprovalRequired(None)),
            Decide(awaiting, new StateAnswered(new LoginStateReply("REQUIRE_OWNER_APPROVAL", None, None, None))));
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.UnsupportedState("REQUIRE_MFA"), None)),
            Decide(awaiting, new StateAnswered(new LoginStateReply("REQUIRE_MFA", None, None, None))));
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.WrongPassword(), None)),
            Decide(awaiting, new CallRefused(Refusal("-19976"))));
    }

    [Fact]
    public void The_mailed_code_goes_with_the_state_token_and_a_wrong_code_can_be_tried_again()
    {
        var code = new Secret("123456");
        var verify = MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Verify, Some(StateToken)),
            new MemberFormCall.SendForState(new MemberAuthRequest.Verify(Visitor, code, StateToken)));

        var first = Decide(new VerificationRequired(StateToken, Some(Jane)), new CodeSubmitted(Visitor, code));
        var wrong = Decide(first.State, new CallRefused(Refusal("VERIFICATION_FAILED")));
        var again = Decide(wrong.State, new CodeSubmitted(Visitor, code));

        Assert.Equal(verify, first);
        Assert.Equal(new Failed(new MemberAuthError.WrongVerificationCode(), Some(StateToken)), wrong.State);
        Assert.Equal(verify, again);
    }

    [Fact]
    public void Any_other_failure_ends_the_verification()
    {
        var expired = Decide(new Awaiting(MemberAuthCall.Verify, Some(StateToken)), new CallRefused(Refusal("INVALID_STATE_TOKEN")));

        Assert.Equal(new Failed(new MemberAuthError.Expired(), None), expired.State);
        Assert.Equal("no_verification_pending", Reject(expired.State, new CodeSubmitted(Visitor, new Secret("1"))).Code);
        Assert.Equal("no_verification_pending", Reject(MemberFormFlow.Initial, new CodeSubmitted(Visitor, new Secret("1"))).Code);
        Assert.Equal("invalid_field", Reject(new VerificationRequired(StateToken, None), new CodeSubmitted(Visitor, new Secret(""))).Code);
    }

    [Fact]
    public void A_registration_refused_for_an_existing_email_says_so()
    {
        var profile = new MemberProfile { Nickname = "jd" };
        var sent = Decide(MemberFormFlow.Initial, new RegistrationSubmitted(Visitor, "jane@example.com", Password, profile, None));

        Assert.Equal(new MemberFormCall.SendForState(new MemberAuthRequest.Register(Visitor, "jane@example.com", Password, profile, None)),
            sent.Call.IfNone(() => throw new Xunit.Sdk.XunitException("no call")));
        Assert.Equal(new Failed(new MemberAuthError.EmailAlreadyExists(), None), Decide(sent.State, new CallRefused(Refusal("-19995"))).State);
    }

    [Fact]
    public void A_password_reset_mails_then_sets_the_new_password()
    {
        var mail = Decide(MemberFormFlow.Initial, new ResetMailRequested(Visitor, "jane@example.com", "https://shop.example/reset", "cid"));
        var sent = Decide(mail.State, new ResetMailAccepted());
        var recover = Decide(sent.State, new NewPasswordSubmitted(Visitor, new Secret("rec-1"), new Secret("New-1")));
        var done = Decide(recover.State, new StateAnswered(new LoginStateReply("SUCCESS", Some(new Secret("st")), None, None)));

        Assert.Equal(new MemberFormCall.SendResetMail(new MemberAuthRequest.SendRecoveryEmail(Visitor, "jane@example.com", "https://shop.example/reset", "cid")),
            mail.Call.IfNone(() => throw new Xunit.Sdk.XunitException("no call")));
        Assert.Equal(new ResetMailSent(), sent.State);
        Assert.Equal(new Awaiting(MemberAuthCall.Recover, None), recover.State);
        Assert.Equal(new LoggedIn(new Secret("st"), None), done.State);
        Assert.Equal(new Failed(new MemberAuthError.MemberNotFound(), None),
            Decide(mail.State, new CallRefused(Refusal("IDENTITY_NOT_FOUND"))).State);
    }

    [Fact]
    public void Nothing_is_submitted_while_a_call_is_out_and_answers_nobody_asked_for_are_refused()
    {
        var awaiting = new Awaiting(MemberAuthCall.Login, None);

        Assert.Equal("call_in_progress", Reject(awaiting, new LoginSubmitted(Visitor, "jane@example.com", Password, None)).Code);
        Assert.Equal("unexpected_event", Reject(MemberFormFlow.Initial, new StateAnswered(new LoginStateReply("SUCCESS", Some(Password), None, None))).Code);
        Assert.Equal("unexpected_event", Reject(awaiting, new ResetMailAccepted()).Code);
        Assert.Equal("unexpected_event", Reject(new Awaiting(MemberAuthCall.SendRecoveryEmail, None),
            new StateAnswered(new LoginStateReply("SUCCESS", Some(Password), None, None))).Code);
    }

    [Fact]
    public void A_finished_submission_is_a_step_or_an_error_and_a_mail_is_sent_or_not()
    {
        Assert.Equal("logged_in", MemberFormFlow.Outcome(new LoggedIn(new Secret("st"), None)).Match(s => s.Code, e => e.Code));
        Assert.Equal("email_verification_required", MemberFormFlow.Outcome(new VerificationRequired(StateToken, None)).Match(s => s.Code, e => e.Code));
        Assert.Equal("owner_approval_required", MemberFormFlow.Outcome(new ApprovalRequired(None)).Match(s => s.Code, e => e.Code));
        Assert.Equal("captcha_required", MemberFormFlow.Outcome(new Failed(new MemberAuthError.CaptchaRequired(), None)).Match(s => s.Code, e => e.Code));
        Assert.Equal(Left<MemberAuthError, MemberAuthStep>(new MemberAuthError.UnexpectedEvent("Awaiting", "answer")),
            MemberFormFlow.Outcome(new Awaiting(MemberAuthCall.Login, None)));
        Assert.Equal(Left<MemberAuthError, LanguageExt.Unit>(new MemberAuthError.UnexpectedEvent("Idle", "answer")), MemberFormFlow.MailOutcome(MemberFormFlow.Initial));
        Assert.True(MemberFormFlow.MailOutcome(new ResetMailSent()).IsRight);
        Assert.Equal("member_not_found", MemberFormFlow.MailOutcome(new Failed(new MemberAuthError.MemberNotFound(), None)).Match(_ => "", e => e.Code));
    }

    public static TheoryData<int, int> Pairs
    {
        get
        {
            var data = new TheoryData<int, int>();
            for (var s = 0; s < States.Length; s++)
                for (var e = 0; e < Events.Length; e++) data.Add(s, e);
            return data;
        }
    }

    private static readonly MemberFormState[] States =
    [
        new Idle(), new Awaiting(MemberAuthCall.Login, None), new Awaiting(MemberAuthCall.Verify, Some(StateToken)),
        new Awaiting(MemberAuthCall.SendRecoveryEmail, None), new VerificationRequired(StateToken, None), new ApprovalRequired(None),
        new LoggedIn(new Secret("st"), None), new ResetMailSent(), new Failed(new MemberAuthError.CaptchaRequired(), None),
        new Failed(new MemberAuthError.WrongVerificationCode(), Some(StateToken)),
    ];

    private static readonly MemberFormEvent[] Events =
    [
        new LoginSubmitted(Visitor, "jane@example.com", Password, None), new RegistrationSubmitted(Visitor, "jane@example.com", Password, None, None),
        new CodeSubmitted(Visitor, new Secret("1")), new ResetMailRequested(Visitor, "jane@example.com", "https://x.example/", "cid"),
        new NewPasswordSubmitted(Visitor, new Secret("r"), Password), new StateAnswered(new LoginStateReply("SUCCESS", Some(Password), None, None)),
        new CallRefused(Refusal("-19976")), new ResetMailAccepted(),
    ];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_state_and_event_gives_a_decision_or_a_typed_rejection_and_a_call_only_from_awaiting(int s, int e)
    {
        var result = MemberFormFlow.Transition(States[s], Events[e]);

        result.Match(
            d => Assert.Equal(d.Call.IsSome, d.State is Awaiting),
            error => Assert.False(string.IsNullOrEmpty(error.Code)));
    }
}

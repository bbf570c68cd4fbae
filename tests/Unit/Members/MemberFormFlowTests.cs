using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Members.MemberFormAction;
using static Wix.Auth.Core.Members.MemberFormEvent;
using static Wix.Auth.Core.Members.MemberFormState;

namespace Wix.Auth.Tests.Unit.Members;

/// <summary>
/// The site's own forms: whole decisions (state, what the host keeps of the verification, and the call) for each step,
/// and a rejection for everything else.
/// </summary>
public sealed class MemberFormFlowTests
{
    private static readonly MemberFormSettings Settings = new();
    private static readonly MemberFormSettings Hiding = new() { HideExistingMembersAtSignUp = true };
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly Secret Visitor = new("at-visitor");
    private static readonly Secret Password = new("Secret-123");
    private static readonly Secret StateToken = new("vt-1");
    private static readonly Secret Decoy = new("decoy-1");
    private static readonly Secret Code = new("123456");
    private static readonly MemberIdentity Jane = new("m-1", null, "jane@example.com", false);
    private static readonly PendingVerification Pending = new(StateToken, Some(Jane), T0, Some("/cart"));

    private static MemberFormDecision Decide(MemberFormState state, MemberFormEvent @event, MemberFormSettings? settings = null) =>
        MemberFormFlow.Transition(settings ?? Settings, state, @event).Match(d => d, e => throw new Xunit.Sdk.XunitException($"rejected: {e.Code}"));

    private static MemberAuthError Reject(MemberFormState state, MemberFormEvent @event) =>
        MemberFormFlow.Transition(Settings, state, @event).Match(d => throw new Xunit.Sdk.XunitException($"decided {d}"), e => e);

    /// <summary>The address a reset mail goes to, or the code of the refusal.</summary>
    private static string MailedTo(string email) =>
        MemberFormFlow.Transition(Settings, MemberFormFlow.Initial, new ResetMailRequested(Visitor, email, "https://shop.example/reset", "cid"))
            .Match(d => d.Call.Case is MemberFormCall.SendResetMail mail ? mail.Request.Email : $"decided {d}", e => e.Code);

    private static IdentityFailure Refusal(string code) => IdentityFailure.Of(new WixError(code, None, 400, None));

    private static LoginSubmitted Login(string email = "jane@example.com", Secret? password = null) =>
        new(Visitor, email, password ?? Password, None, T0) { ReturnTo = "/cart" };

    private static RegistrationSubmitted Register(string email = "jane@example.com", Secret? password = null, Option<MemberProfile> profile = default) =>
        new(Visitor, email, password ?? Password, profile, None, Decoy, T0) { ReturnTo = Some("/welcome") };

    private static CodeSubmitted CodeAt(DateTimeOffset now, Secret? code = null) => new(Visitor, code ?? Code, now);

    private static StateAnswered Answer(string state, Secret? session = null, Secret? token = null, MemberIdentity? member = null) =>
        new(new LoginStateReply(state, Optional(session), Optional(token), Optional(member)));

    private static MemberFormCall.SendForState VerifyCall(Secret stateToken) => new(new MemberAuthRequest.Verify(Visitor, Code, stateToken));

    [Fact]
    public void A_login_form_becomes_one_login_call_with_the_email_trimmed()
    {
        var decision = Decide(MemberFormFlow.Initial, Login(" jane@example.com "));

        Assert.Equal(MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Login, T0, Some("/cart"), None),
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
        Assert.Equal(code, Reject(MemberFormFlow.Initial, Login(email, new Secret(password))).Code);
        Assert.Equal(code, Reject(MemberFormFlow.Initial, Register(email, new Secret(password))).Code);
    }

    [Fact]
    public void An_empty_password_or_code_is_refused_naming_the_field_and_the_verification_stays()
    {
        var passwordRequired = new MemberAuthError.InvalidField("password", "REQUIRED");

        Assert.Equal(passwordRequired, Reject(MemberFormFlow.Initial, Login(password: new Secret(""))));
        Assert.Equal(passwordRequired, Reject(MemberFormFlow.Initial, Register(password: new Secret(""))));
        Assert.Equal(passwordRequired, Reject(new ResetMailSent(), new NewPasswordSubmitted(Visitor, new Secret("rec-1"), new Secret(""), T0)));
        Assert.Equal(new MemberAuthError.InvalidField("code", "REQUIRED"), Reject(new VerificationRequired(Pending), CodeAt(T0, new Secret(""))));
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
    public void Each_answer_of_a_login_is_its_own_state_and_a_mailed_code_is_a_verification_to_keep()
    {
        var awaiting = new Awaiting(MemberAuthCall.Login, T0, Some("/cart"), None);
        var kept = new PendingVerification(StateToken, Some(Jane), T0, Some("/cart"));

        Assert.Equal(MemberFormDecision.To(new LoggedIn(new Secret("st"), Some(Jane), Some("/cart"))),
            Decide(awaiting, Answer("SUCCESS", session: new Secret("st"), member: Jane)));
        Assert.Equal(MemberFormDecision.To(new VerificationRequired(kept), new KeepVerification(kept, Settings.VerificationTtl)),
            Decide(awaiting, Answer("REQUIRE_EMAIL_VERIFICATION", token: StateToken, member: Jane)));
        Assert.Equal(MemberFormDecision.To(new ApprovalRequired(None)), Decide(awaiting, Answer("REQUIRE_OWNER_APPROVAL")));
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.UnsupportedState("REQUIRE_MFA"), None)), Decide(awaiting, Answer("REQUIRE_MFA")));
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.CaptchaRequired(), None)), Decide(awaiting, new CallRefused(Refusal("-19971"))));
    }

    [Theory]
    [InlineData("-19976")]               // a wrong password
    [InlineData("-19999")]               // no member with this address
    [InlineData("IDENTITY_NOT_FOUND")]
    public void A_wrong_password_and_an_unknown_address_are_the_same_answer(string code) =>
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.WrongCredentials(), None)),
            Decide(new Awaiting(MemberAuthCall.Login, T0, None, None), new CallRefused(Refusal(code))));

    [Fact]
    public void The_mailed_code_goes_with_the_state_token_and_a_wrong_code_is_kept_counted_for_another_try()
    {
        var verifying = new Awaiting(MemberAuthCall.Verify, T0, Some("/cart"), Some(Pending));
        var once = Pending with { WrongCodes = 1 };

        var first = Decide(new VerificationRequired(Pending), CodeAt(T0));
        var wrong = Decide(first.State, new CallRefused(Refusal("VERIFICATION_FAILED")));
        var again = Decide(wrong.State, CodeAt(T0.AddMinutes(1)));

        Assert.Equal(MemberFormDecision.Calling(verifying, VerifyCall(StateToken)), first);
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.WrongVerificationCode(), Some(once)),
            new KeepVerification(once, Settings.VerificationTtl)), wrong);
        Assert.Equal(MemberFormDecision.Calling(verifying with { SubmittedAt = T0.AddMinutes(1), Verification = Some(once) }, VerifyCall(StateToken)), again);
        Assert.Equal(new KeepVerification(Pending with { WrongCodes = 2 }, Settings.VerificationTtl - TimeSpan.FromMinutes(1)),
            Decide(again.State, new CallRefused(Refusal("VERIFICATION_FAILED"))).Actions.Single());
    }

    [Fact]
    public void The_last_allowed_wrong_code_ends_the_verification()
    {
        var last = Pending with { WrongCodes = Settings.MaxCodeAttempts - 1 };

        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.TooManyWrongCodes(), None), new ForgetVerification()),
            Decide(new Awaiting(MemberAuthCall.Verify, T0, None, Some(last)), new CallRefused(Refusal("VERIFICATION_FAILED"))));
    }

    [Fact]
    public void A_verified_code_logs_in_where_the_form_was_going_and_ends_the_verification()
    {
        var anonymous = Pending with { Member = Some(Jane) };

        Assert.Equal(MemberFormDecision.To(new LoggedIn(new Secret("st"), Some(Jane), Some("/cart")), new ForgetVerification()),
            Decide(new Awaiting(MemberAuthCall.Verify, T0, Some("/cart"), Some(anonymous)), Answer("SUCCESS", session: new Secret("st"))));
    }

    [Fact]
    public void A_code_after_the_verification_expired_is_not_sent_and_ends_it()
    {
        Assert.Equal(MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Verify, T0 + Settings.VerificationTtl, Some("/cart"), Some(Pending)), VerifyCall(StateToken)),
            Decide(new VerificationRequired(Pending), CodeAt(T0 + Settings.VerificationTtl)));
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.Expired(), None), new ForgetVerification()),
            Decide(new VerificationRequired(Pending), CodeAt(T0 + Settings.VerificationTtl + TimeSpan.FromTicks(1))));
    }

    [Fact]
    public void Any_other_answer_to_a_code_ends_the_verification()
    {
        var expired = Decide(new Awaiting(MemberAuthCall.Verify, T0, None, Some(Pending)), new CallRefused(Refusal("INVALID_STATE_TOKEN")));

        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.Expired(), None), new ForgetVerification()), expired);
        Assert.Equal("no_verification_pending", Reject(expired.State, CodeAt(T0)).Code);
        Assert.Equal("no_verification_pending", Reject(MemberFormFlow.Initial, CodeAt(T0)).Code);
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.RemoteCallFailed(WixError.Of(WixError.Timeout)), None), new ForgetVerification()),
            Decide(new Awaiting(MemberAuthCall.Verify, T0, None, Some(Pending)), new CallRefused(IdentityFailure.Of(WixError.Of(WixError.Timeout)))));
    }

    [Fact]
    public void Another_form_submitted_during_a_verification_ends_it_first()
    {
        var login = Decide(new VerificationRequired(Pending), Login());
        var reset = Decide(new Failed(new MemberAuthError.WrongVerificationCode(), Some(Pending)),
            new ResetMailRequested(Visitor, "jane@example.com", "https://shop.example/reset", "cid"));

        Assert.Equal(new Seq<MemberFormAction>([new ForgetVerification()]), login.Actions);
        Assert.Equal(new Seq<MemberFormAction>([new ForgetVerification()]), reset.Actions);
        Assert.Empty(Decide(MemberFormFlow.Initial, Login()).Actions);
    }

    [Fact]
    public void A_registration_refused_for_an_existing_email_says_so_unless_the_site_hides_its_members()
    {
        var profile = new MemberProfile { Nickname = "jd" };
        var sent = Decide(MemberFormFlow.Initial, Register(profile: Some(profile)));
        var decoy = new PendingVerification(Decoy, None, T0, Some("/welcome")) { Decoy = true };

        Assert.Equal(MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Register, T0, Some("/welcome"), None) { Decoy = Decoy },
            new MemberFormCall.SendForState(new MemberAuthRequest.Register(Visitor, "jane@example.com", Password, Some(profile), None))), sent);
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.EmailAlreadyExists(), None)), Decide(sent.State, new CallRefused(Refusal("-19995"))));
        Assert.Equal(MemberFormDecision.To(new VerificationRequired(decoy), new KeepVerification(decoy, Settings.VerificationTtl)),
            Decide(sent.State, new CallRefused(Refusal("-19995")), Hiding));
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.InvalidEmail(), None)),
            Decide(sent.State, new CallRefused(IdentityFailure.Of(new WixError(IdentityFailure.ValidationError, None, 400, None)) with { DataType = Some("EMAIL") }), Hiding));
    }

    [Fact]
    public void A_decoy_verification_is_sent_like_a_real_one_and_every_answer_is_a_wrong_code()
    {
        var decoy = new PendingVerification(Decoy, None, T0, None) { Decoy = true };
        var sent = Decide(new VerificationRequired(decoy), CodeAt(T0));
        var once = decoy with { WrongCodes = 1 };
        var wrong = MemberFormDecision.To(new Failed(new MemberAuthError.WrongVerificationCode(), Some(once)), new KeepVerification(once, Settings.VerificationTtl));

        Assert.Equal(VerifyCall(Decoy), sent.Call.IfNone(() => throw new Xunit.Sdk.XunitException("no call")));
        Assert.Equal(wrong, Decide(sent.State, new CallRefused(Refusal("INVALID_STATE_TOKEN")), Hiding));
        Assert.Equal(wrong, Decide(sent.State, Answer("SUCCESS", session: new Secret("st")), Hiding));
    }

    [Fact]
    public void A_password_reset_mails_then_sets_the_new_password_and_an_unknown_address_is_told_the_same()
    {
        var mail = Decide(MemberFormFlow.Initial, new ResetMailRequested(Visitor, "jane@example.com", "https://shop.example/reset", "cid"));
        var sent = Decide(mail.State, new ResetMailAccepted());
        var recover = Decide(sent.State, new NewPasswordSubmitted(Visitor, new Secret("rec-1"), new Secret("New-1"), T0));
        var done = Decide(recover.State, Answer("SUCCESS", session: new Secret("st")));

        Assert.Equal(new MemberFormCall.SendResetMail(new MemberAuthRequest.SendRecoveryEmail(Visitor, "jane@example.com", "https://shop.example/reset", "cid")),
            mail.Call.IfNone(() => throw new Xunit.Sdk.XunitException("no call")));
        Assert.Equal(MemberFormDecision.To(new ResetMailSent()), sent);
        Assert.Equal(MemberFormDecision.Calling(new Awaiting(MemberAuthCall.Recover, T0, None, None),
            new MemberFormCall.SendForState(new MemberAuthRequest.Recover(Visitor, new Secret("rec-1"), new Secret("New-1")))), recover);
        Assert.Equal(MemberFormDecision.To(new LoggedIn(new Secret("st"), None, None)), done);
        Assert.Equal(MemberFormDecision.To(new ResetMailSent()), Decide(mail.State, new CallRefused(Refusal("IDENTITY_NOT_FOUND"))));
        Assert.Equal(MemberFormDecision.To(new Failed(new MemberAuthError.InvalidEmail(), None)),
            Decide(mail.State, new CallRefused(IdentityFailure.Of(new WixError(IdentityFailure.ValidationError, None, 400, None)) with { DataType = Some("EMAIL") })));
    }

    [Fact]
    public void Nothing_is_submitted_while_a_call_is_out_and_answers_nobody_asked_for_are_refused()
    {
        var awaiting = new Awaiting(MemberAuthCall.Login, T0, None, None);

        Assert.Equal("call_in_progress", Reject(awaiting, Login()).Code);
        Assert.Equal("unexpected_event", Reject(MemberFormFlow.Initial, Answer("SUCCESS", session: Password)).Code);
        Assert.Equal("unexpected_event", Reject(awaiting, new ResetMailAccepted()).Code);
        Assert.Equal("unexpected_event", Reject(new Awaiting(MemberAuthCall.SendRecoveryEmail, T0, None, None), Answer("SUCCESS", session: Password)).Code);
    }

    [Fact]
    public void A_finished_submission_is_a_step_or_an_error_and_a_mail_is_sent_or_not()
    {
        Assert.Equal(Right<MemberAuthError, MemberAuthStep>(new MemberAuthStep.LoggedIn(new Secret("st"), Jane) { ReturnTo = "/cart" }),
            MemberFormFlow.Outcome(new LoggedIn(new Secret("st"), Some(Jane), Some("/cart"))));
        Assert.Equal(Right<MemberAuthError, MemberAuthStep>(new MemberAuthStep.EmailVerificationRequired(StateToken, Jane)),
            MemberFormFlow.Outcome(new VerificationRequired(Pending)));
        Assert.Equal("owner_approval_required", MemberFormFlow.Outcome(new ApprovalRequired(None)).Match(s => s.Code, e => e.Code));
        Assert.Equal("captcha_required", MemberFormFlow.Outcome(new Failed(new MemberAuthError.CaptchaRequired(), None)).Match(s => s.Code, e => e.Code));
        Assert.Equal(Left<MemberAuthError, MemberAuthStep>(new MemberAuthError.UnexpectedEvent("Awaiting", "answer")),
            MemberFormFlow.Outcome(new Awaiting(MemberAuthCall.Login, T0, None, None)));
        Assert.Equal(Left<MemberAuthError, LanguageExt.Unit>(new MemberAuthError.UnexpectedEvent("Idle", "answer")), MemberFormFlow.MailOutcome(MemberFormFlow.Initial));
        Assert.True(MemberFormFlow.MailOutcome(new ResetMailSent()).IsRight);
        Assert.Equal("invalid_email", MemberFormFlow.MailOutcome(new Failed(new MemberAuthError.InvalidEmail(), None)).Match(_ => "", e => e.Code));
    }

    [Fact]
    public void A_visitor_resumes_from_the_verification_they_kept()
    {
        Assert.Equal(new VerificationRequired(Pending), MemberFormQueries.Resume(Some(Pending)));
        Assert.Equal(MemberFormFlow.Initial, MemberFormQueries.Resume(None));
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
        new Idle(), new Awaiting(MemberAuthCall.Login, T0, None, None), new Awaiting(MemberAuthCall.Verify, T0, None, Some(Pending)),
        new Awaiting(MemberAuthCall.SendRecoveryEmail, T0, None, None), new VerificationRequired(Pending), new ApprovalRequired(None),
        new LoggedIn(new Secret("st"), None, None), new ResetMailSent(), new Failed(new MemberAuthError.CaptchaRequired(), None),
        new Failed(new MemberAuthError.WrongVerificationCode(), Some(Pending)),
    ];

    private static readonly MemberFormEvent[] Events =
    [
        Login(), Register(), CodeAt(T0), new ResetMailRequested(Visitor, "jane@example.com", "https://x.example/", "cid"),
        new NewPasswordSubmitted(Visitor, new Secret("r"), Password, T0), Answer("SUCCESS", session: Password),
        new CallRefused(Refusal("-19976")), new ResetMailAccepted(),
    ];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_state_and_event_gives_a_decision_or_a_typed_rejection_and_a_call_only_from_awaiting(int s, int e)
    {
        var result = MemberFormFlow.Transition(Hiding, States[s], Events[e]);

        result.Match(
            d => Assert.Equal(d.Call.IsSome, d.State is Awaiting),
            error => Assert.False(string.IsNullOrEmpty(error.Code)));
    }
}

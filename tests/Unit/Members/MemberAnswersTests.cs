using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Tests.Unit.Members;

/// <summary>Wix's identity answers mapped to distinct steps and errors with stable codes, never "invalid email" for all.</summary>
public sealed class MemberAnswersTests
{
    private static readonly MemberIdentity Jane = new("m-1", "c-1", "jane@example.com", true);

    private static string CodeOf(Either<MemberAuthError, MemberAuthStep> result) => result.Match(s => s.Code, e => e.Code);

    [Fact]
    public void Success_is_logged_in_with_the_session_token_and_the_member()
    {
        var step = MemberAnswers.FromState(new LoginStateReply("SUCCESS", Some(new Secret("st")), None, Some(Jane)));

        var loggedIn = Assert.IsType<MemberAuthStep.LoggedIn>(step.Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Code)));
        Assert.Equal("logged_in", loggedIn.Code);
        Assert.Equal("st", loggedIn.SessionToken.Reveal());
        Assert.Equal(Some(Jane), loggedIn.Member);
    }

    [Theory]
    [InlineData("REQUIRE_EMAIL_VERIFICATION", true, "email_verification_required")]
    [InlineData("REQUIRE_OWNER_APPROVAL", true, "owner_approval_required")]
    [InlineData("REQUIRE_OWNER_APPROVAL", false, "owner_approval_required")]
    [InlineData("STATUS_CHECK", true, "unsupported_state")]
    [InlineData("REQUIRE_MFA", true, "unsupported_state")]
    [InlineData("UNKNOWN_STATE", false, "unsupported_state")]
    [InlineData("SUCCESS", false, "remote_call_failed")]
    [InlineData("REQUIRE_EMAIL_VERIFICATION", false, "remote_call_failed")]
    public void Each_state_has_its_own_code(string state, bool withStateToken, string code)
    {
        var reply = new LoginStateReply(state, None, withStateToken ? Some(new Secret("vt")) : None, None);

        Assert.Equal(code, CodeOf(MemberAnswers.FromState(reply)));
    }

    [Fact]
    public void An_unsupported_state_names_it()
    {
        var error = MemberAnswers.FromState(new LoginStateReply("REQUIRE_MFA", None, None, None)).Match(_ => null!, e => e);

        Assert.Equal(new MemberAuthError.UnsupportedState("REQUIRE_MFA"), error);
    }

    public static TheoryData<MemberAuthCall, string, string> Codes => new()
    {
        { MemberAuthCall.Login, "-19976", "wrong_password" },
        { MemberAuthCall.Login, "-19999", "member_not_found" },
        { MemberAuthCall.Login, "-19973", "password_reset_required" },
        { MemberAuthCall.Login, "-19971", "captcha_required" },
        { MemberAuthCall.Login, "CAPTCHA_TOKEN_REQUIRED", "captcha_required" },
        { MemberAuthCall.Login, "-19970", "captcha_invalid" },
        { MemberAuthCall.Register, "INVALID_CAPTCHA_TOKEN", "captcha_invalid" },
        { MemberAuthCall.Login, "INVALID_CAPTCHA", "captcha_invalid" },
        { MemberAuthCall.Register, "-19995", "email_already_exists" },
        { MemberAuthCall.Register, "DUPLICATE_EMAIL", "email_already_exists" },
        { MemberAuthCall.Register, "EMAIL_ALREADY_EXISTS", "email_already_exists" },
        { MemberAuthCall.Register, "-19976", "password_rejected" },
        { MemberAuthCall.Verify, "VERIFICATION_FAILED", "wrong_verification_code" },
        { MemberAuthCall.Verify, "INVALID_STATE_TOKEN", "expired" },
        { MemberAuthCall.Recover, "INVALID_RECOVERY_TOKEN", "expired" },
        { MemberAuthCall.SendRecoveryEmail, "IDENTITY_NOT_FOUND", "member_not_found" },
        { MemberAuthCall.SendRecoveryEmail, "MEMBER_NOT_FOUND", "member_not_found" },
        { MemberAuthCall.SignOn, "PERMISSION_DENIED", "permission_denied" },
        { MemberAuthCall.Login, "-12345", "remote_call_failed" },
        { MemberAuthCall.Login, "500", "remote_call_failed" },
        { MemberAuthCall.Login, WixError.NetworkError, "remote_call_failed" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_wix_code_has_its_own_error(MemberAuthCall call, string wixCode, string code)
    {
        var failure = IdentityFailure.Of(new WixError(wixCode, "described", 400, "req-1"));

        Assert.Equal(code, MemberAnswers.FromFailure(call, failure).Code);
    }

    [Theory]
    [InlineData(MemberAuthCall.Register, "loginId.email", "FORMAT", "EMAIL", "invalid_email")]
    [InlineData(MemberAuthCall.Login, "loginId.email", "FORMAT", "EMAIL", "invalid_email")]
    [InlineData(MemberAuthCall.Register, "password", "MIN_LENGTH", null, "password_rejected")]
    [InlineData(MemberAuthCall.Recover, "password", "MIN_LENGTH", null, "password_rejected")]
    [InlineData(MemberAuthCall.Login, "password", "REQUIRED", null, "invalid_field")]
    [InlineData(MemberAuthCall.Register, "profile.firstName", "TYPE", null, "invalid_field")]
    public void Field_violations_tell_a_bad_email_and_a_refused_password_from_other_fields(
        MemberAuthCall call, string field, string rule, string? type, string code)
    {
        var failure = new IdentityFailure(new WixError(IdentityFailure.ValidationError, "refused", 400, None), field, rule, Optional(type));

        Assert.Equal(code, MemberAnswers.FromFailure(call, failure).Code);
    }

    public static TheoryData<MemberAuthCall, string?, string?, MemberAuthError> Violations => new()
    {
        { MemberAuthCall.Register, null, "MIN_LENGTH", new MemberAuthError.InvalidField("?", "MIN_LENGTH") },
        { MemberAuthCall.Recover, null, null, new MemberAuthError.InvalidField("?", "?") },
        { MemberAuthCall.Login, "loginId.email", null, new MemberAuthError.InvalidField("loginId.email", "?") },
        { MemberAuthCall.Register, "password", null, new MemberAuthError.PasswordRejected("refused") },
        { MemberAuthCall.Recover, "password", "MAX_LENGTH", new MemberAuthError.PasswordRejected("MAX_LENGTH") },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_violation_without_a_field_is_not_a_refused_password_and_a_missing_name_reads_as_a_placeholder(
        MemberAuthCall call, string? field, string? rule, MemberAuthError error)
    {
        var failure = new IdentityFailure(new WixError(IdentityFailure.ValidationError, None, 400, None), Optional(field), Optional(rule), None);

        Assert.Equal(error, MemberAnswers.FromFailure(call, failure));
    }

    [Fact]
    public void A_password_refused_when_setting_it_gives_wixs_reason_or_says_refused()
    {
        Assert.Equal(new MemberAuthError.PasswordRejected("Password is too weak"),
            MemberAnswers.FromFailure(MemberAuthCall.Register, IdentityFailure.Of(new WixError("-19976", "Password is too weak", 400, None))));
        Assert.Equal(new MemberAuthError.PasswordRejected("refused"),
            MemberAnswers.FromFailure(MemberAuthCall.Recover, IdentityFailure.Of(new WixError("-19976", None, 400, None))));
    }

    [Fact]
    public void A_remote_failure_keeps_wixs_error()
    {
        var wix = new WixError("-12345", "odd", 418, "req-9");

        Assert.Equal(new MemberAuthError.RemoteCallFailed(wix), MemberAnswers.FromFailure(MemberAuthCall.Login, IdentityFailure.Of(wix)));
    }

    [Fact]
    public void Wrong_password_and_no_such_member_read_alike_and_only_those_two()
    {
        var wrong = new MemberAuthError.WrongPassword();
        var missing = new MemberAuthError.MemberNotFound();

        Assert.True(wrong.IsWrongCredentials && missing.IsWrongCredentials);
        Assert.Equal(wrong.Message, missing.Message);
        Assert.False(new MemberAuthError.PasswordResetRequired().IsWrongCredentials);
        Assert.False(new MemberAuthError.InvalidEmail().IsWrongCredentials);
    }

    [Fact]
    public void Read_takes_a_whole_answer()
    {
        Assert.Equal("wrong_password", CodeOf(MemberAnswers.Read(MemberAuthCall.Login,
            IdentityFailure.Of(new WixError("-19976", None, 403, None)))));
        Assert.Equal("owner_approval_required", CodeOf(MemberAnswers.Read(MemberAuthCall.Verify,
            new LoginStateReply("REQUIRE_OWNER_APPROVAL", None, None, None))));
    }
}

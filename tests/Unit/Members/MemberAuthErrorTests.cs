using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Tests.Unit.Members;

/// <summary>
/// A host matches on <see cref="MemberAuthError.Code"/> and shows <see cref="MemberAuthError.Message"/> to people
/// (<c>AuthResult.Error.Message</c>, the exception of <c>AuthResult.Value</c>): each code and each sentence as a literal.
/// </summary>
public sealed class MemberAuthErrorTests
{
    private static readonly WixError Wix = new("-12345", "described", 500, "req-1");

    public static TheoryData<MemberAuthError, string, string> Errors => new()
    {
        { new MemberAuthError.WrongPassword(), "wrong_password", "The email or password is wrong." },
        { new MemberAuthError.MemberNotFound(), "member_not_found", "The email or password is wrong." },
        { new MemberAuthError.WrongCredentials(), "wrong_credentials", "The email or password is wrong." },
        { new MemberAuthError.PasswordResetRequired(), "password_reset_required", "A new password must be chosen first." },
        { new MemberAuthError.PasswordRejected("MIN_LENGTH"), "password_rejected", "The password was refused: MIN_LENGTH" },
        { new MemberAuthError.CaptchaRequired(), "captcha_required", "Solve the captcha first." },
        { new MemberAuthError.CaptchaInvalid(), "captcha_invalid", "The captcha was not accepted; solve it again." },
        { new MemberAuthError.EmailAlreadyExists(), "email_already_exists", "A member with this email exists already." },
        { new MemberAuthError.InvalidEmail(), "invalid_email", "The email is not a valid address." },
        { new MemberAuthError.InvalidField("profile.firstName", "TYPE"), "invalid_field", "The field profile.firstName was refused (TYPE)." },
        { new MemberAuthError.WrongVerificationCode(), "wrong_verification_code", "The code is wrong." },
        { new MemberAuthError.TooManyWrongCodes(), "too_many_wrong_codes", "Too many wrong codes; start again." },
        { new MemberAuthError.Expired(), "expired", "This step has expired; start again." },
        { new MemberAuthError.PermissionDenied(), "permission_denied", "The API key lacks the permission for this call." },
        { new MemberAuthError.UnsupportedState("REQUIRE_MFA"), "unsupported_state", "Wix asked for a step this library does not support: REQUIRE_MFA." },
        { new MemberAuthError.NoVerificationPending(), "no_verification_pending", "No verification is waiting for a code." },
        { new MemberAuthError.CallInProgress(), "call_in_progress", "The previous request has not been answered yet." },
        { new MemberAuthError.UnexpectedEvent("Idle", "StateAnswered"), "unexpected_event", "StateAnswered is not expected in Idle." },
        { new MemberAuthError.RemoteCallFailed(Wix), "remote_call_failed", "The call to Wix failed: -12345." },
        { new MemberAuthError.NoResult(), "no_result", "This result was not returned by a call." },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_error_has_its_code_and_its_sentence(MemberAuthError error, string code, string message) =>
        Assert.Equal((code, message), (error.Code, error.Message));

    [Fact]
    public void Every_kind_of_error_is_listed_above() =>
        Assert.Equal(
            typeof(MemberAuthError).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(MemberAuthError))).Select(t => t.Name).Order(),
            Errors.Select(row => row[0].GetType().Name).Order());

    [Fact]
    public void Only_the_two_wrong_credentials_share_a_sentence_so_a_login_form_does_not_tell_who_is_a_member() =>
        Assert.Equal(["The email or password is wrong."],
            Errors.Select(row => ((MemberAuthError)row[0]).Message).GroupBy(m => m).Where(g => g.Count() > 1).Select(g => g.Key));

    [Fact]
    public void A_remote_failure_names_wixs_code_but_not_its_description()
    {
        Assert.DoesNotContain("described", new MemberAuthError.RemoteCallFailed(Wix).Message);
        Assert.Equal("Wix refused the call: -19976.", IdentityFailure.Of(new WixError("-19976", "Wrong password", 403, None)).Message);
        Assert.Equal("-19976", IdentityFailure.Of(new WixError("-19976", "Wrong password", 403, None)).Code);
    }
}

using LanguageExt;
using Wix.Auth.Core.Protocol;
using static Wix.Auth.Core.Nullables;

namespace Wix.Auth.Core.Members;

/// <summary>Which identity call an answer belongs to: some codes mean different things for different calls.</summary>
public enum MemberAuthCall
{
    /// <summary>Login V2.</summary>
    Login,

    /// <summary>Register V2.</summary>
    Register,

    /// <summary>The emailed code.</summary>
    Verify,

    /// <summary>The password-reset mail.</summary>
    SendRecoveryEmail,

    /// <summary>A new password with the recovery token.</summary>
    Recover,

    /// <summary>Sign On with an API key.</summary>
    SignOn,
}

/// <summary>
/// What Wix's identity answers mean: pure functions from the replies the effects layer read to a
/// <see cref="MemberAuthStep"/> or a <see cref="MemberAuthError"/>. The SDK's mapping, made total and distinct.
/// </summary>
public static class MemberAnswers
{
    /// <summary>The step a login state stands for; a state this library does not handle is an error, not a guess.</summary>
    public static Either<MemberAuthError, MemberAuthStep> FromState(LoginStateReply reply) => reply.State switch
    {
        "SUCCESS" => reply.SessionToken.Match<Either<MemberAuthError, MemberAuthStep>>(
            token => new MemberAuthStep.LoggedIn(token, Nullable(reply.Identity)),
            () => new MemberAuthError.RemoteCallFailed(Errors.WixError.Of(Errors.WixError.InvalidResponse))),
        "REQUIRE_EMAIL_VERIFICATION" => reply.StateToken.Match<Either<MemberAuthError, MemberAuthStep>>(
            token => new MemberAuthStep.EmailVerificationRequired(token, Nullable(reply.Identity)),
            () => new MemberAuthError.RemoteCallFailed(Errors.WixError.Of(Errors.WixError.InvalidResponse))),
        "REQUIRE_OWNER_APPROVAL" => new MemberAuthStep.OwnerApprovalRequired(Nullable(reply.Identity)),
        var other => new MemberAuthError.UnsupportedState(other),
    };

    /// <summary>The error a refusal stands for, by Wix's code (numeric, as the SDK's constants, or the typings' names).</summary>
    public static MemberAuthError FromFailure(MemberAuthCall call, IdentityFailure failure) =>
        (call, failure.Error.Code) switch
        {
            (_, IdentityFailure.ValidationError) when failure.DataType.Map(t => t == "EMAIL").IfNone(false) => new MemberAuthError.InvalidEmail(),
            (MemberAuthCall.Register or MemberAuthCall.Recover, IdentityFailure.ValidationError) when failure.Field.Map(f => f == "password").IfNone(false)
                => new MemberAuthError.PasswordRejected(failure.ViolatedRule.IfNone("refused")),
            (_, IdentityFailure.ValidationError) => new MemberAuthError.InvalidField(failure.Field.IfNone("?"), failure.ViolatedRule.IfNone("?")),
            (MemberAuthCall.Login, "-19976") => new MemberAuthError.WrongPassword(),
            (MemberAuthCall.Register or MemberAuthCall.Recover, "-19976") => new MemberAuthError.PasswordRejected(failure.Error.Description.IfNone("refused")),
            (_, "-19973") => new MemberAuthError.PasswordResetRequired(),
            (_, "-19971" or "CAPTCHA_TOKEN_REQUIRED") => new MemberAuthError.CaptchaRequired(),
            (_, "-19970" or "INVALID_CAPTCHA_TOKEN" or "INVALID_CAPTCHA") => new MemberAuthError.CaptchaInvalid(),
            (_, "-19995" or "DUPLICATE_EMAIL" or "EMAIL_ALREADY_EXISTS") => new MemberAuthError.EmailAlreadyExists(),
            (_, "-19999" or "IDENTITY_NOT_FOUND" or "MEMBER_NOT_FOUND") => new MemberAuthError.MemberNotFound(),
            (MemberAuthCall.Verify, "VERIFICATION_FAILED") => new MemberAuthError.WrongVerificationCode(),
            (_, "INVALID_STATE_TOKEN" or "INVALID_RECOVERY_TOKEN") => new MemberAuthError.Expired(),
            (_, "PERMISSION_DENIED") => new MemberAuthError.PermissionDenied(),
            _ => new MemberAuthError.RemoteCallFailed(failure.Error),
        };

    /// <summary>A whole answer: the step, or the error of a refusal.</summary>
    public static Either<MemberAuthError, MemberAuthStep> Read(MemberAuthCall call, Either<IdentityFailure, LoginStateReply> answer) =>
        answer.Match(FromState, failure => Either<MemberAuthError, MemberAuthStep>.Left(FromFailure(call, failure)));
}

using Wix.Auth.Core.Errors;

namespace Wix.Auth.Core.Members;

/// <summary>
/// Every way a login, registration, verification, password reset or external login can fail: a closed set, each
/// with a stable <see cref="Code"/> a host may match on. Unlike <c>@wix/sdk</c>, an unknown failure is never
/// reported as an invalid email, and nothing is thrown.
/// </summary>
/// <remarks>Messages never contain a password, a code or a token.</remarks>
public abstract record MemberAuthError : IResultError<MemberAuthError>
{
    private MemberAuthError(string code, string message) => (Code, Message) = (code, message);

    /// <summary>A stable, snake_case identifier of the kind of failure.</summary>
    public string Code { get; }

    /// <summary>A sentence for people.</summary>
    public string Message { get; }

    /// <summary>True for the two failures a login form should answer alike, so it does not tell who is a member.</summary>
    public bool IsWrongCredentials => this is WrongPassword or MemberNotFound or WrongCredentials;

    /// <summary>The password does not match (<c>-19976</c> on login).</summary>
    public sealed record WrongPassword() : MemberAuthError("wrong_password", "The email or password is wrong.");

    /// <summary>No member has this email (<c>-19999</c> and the like).</summary>
    public sealed record MemberNotFound() : MemberAuthError("member_not_found", "The email or password is wrong.");

    /// <summary>
    /// The form's answer to a wrong password and to an unknown address alike (<see cref="MemberFormFlow"/>), so that it
    /// does not tell who is a member.
    /// </summary>
    public sealed record WrongCredentials() : MemberAuthError("wrong_credentials", "The email or password is wrong.");

    /// <summary>The member must choose a new password first (<c>-19973</c>).</summary>
    public sealed record PasswordResetRequired() : MemberAuthError("password_reset_required", "A new password must be chosen first.");

    /// <summary>The password was refused when setting it (too weak or too short).</summary>
    public sealed record PasswordRejected(string Reason) : MemberAuthError("password_rejected", $"The password was refused: {Reason}");

    /// <summary>The site asks for a captcha and none was sent (<c>-19971</c>).</summary>
    public sealed record CaptchaRequired() : MemberAuthError("captcha_required", "Solve the captcha first.");

    /// <summary>The captcha token was refused (<c>-19970</c>).</summary>
    public sealed record CaptchaInvalid() : MemberAuthError("captcha_invalid", "The captcha was not accepted; solve it again.");

    /// <summary>A member with this email exists already (<c>-19995</c>).</summary>
    public sealed record EmailAlreadyExists() : MemberAuthError("email_already_exists", "A member with this email exists already.");

    /// <summary>The email is not a valid address (a field violation of type <c>EMAIL</c>).</summary>
    public sealed record InvalidEmail() : MemberAuthError("invalid_email", "The email is not a valid address.");

    /// <summary>Another field was refused.</summary>
    public sealed record InvalidField(string Field, string Rule) : MemberAuthError("invalid_field", $"The field {Field} was refused ({Rule}).");

    /// <summary>The verification code is wrong (<c>VERIFICATION_FAILED</c>).</summary>
    public sealed record WrongVerificationCode() : MemberAuthError("wrong_verification_code", "The code is wrong.");

    /// <summary>Too many wrong codes were entered for one verification (<see cref="MemberFormSettings.MaxCodeAttempts"/>): it ended.</summary>
    public sealed record TooManyWrongCodes() : MemberAuthError("too_many_wrong_codes", "Too many wrong codes; start again.");

    /// <summary>The verification or reset can no longer be completed: its token is unknown, used or expired.</summary>
    public sealed record Expired() : MemberAuthError("expired", "This step has expired; start again.");

    /// <summary>The API key lacks the permission for this call.</summary>
    public sealed record PermissionDenied() : MemberAuthError("permission_denied", "The API key lacks the permission for this call.");

    /// <summary>Wix answered a state this library does not handle (<c>REQUIRE_MFA</c>, <c>STATUS_CHECK</c>, …).</summary>
    public sealed record UnsupportedState(string State) : MemberAuthError("unsupported_state", $"Wix asked for a step this library does not support: {State}.");

    /// <summary>A code was submitted with no verification waiting for one.</summary>
    public sealed record NoVerificationPending() : MemberAuthError("no_verification_pending", "No verification is waiting for a code.");

    /// <summary>A form was submitted while the previous one is still waiting for Wix's answer.</summary>
    public sealed record CallInProgress() : MemberAuthError("call_in_progress", "The previous request has not been answered yet.");

    /// <summary>An event that means nothing in this state, e.g. an answer nobody asked for.</summary>
    public sealed record UnexpectedEvent(string State, string Event)
        : MemberAuthError("unexpected_event", $"{Event} is not expected in {State}.");

    /// <summary>The call failed another way: Wix's code, or a transport failure.</summary>
    public sealed record RemoteCallFailed(WixError Error) : MemberAuthError("remote_call_failed", $"The call to Wix failed: {Error.Code}.");

    /// <summary>A result that no call returned (a <c>default</c> one) holds this: a host's programming error.</summary>
    public sealed record NoResult() : MemberAuthError("no_result", "This result was not returned by a call.");

    /// <inheritdoc />
    static MemberAuthError IResultError<MemberAuthError>.NotReturned { get; } = new NoResult();
}

using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Protocol;

/// <summary>
/// What login, register, verify and recover answered, as read off the wire: the state name exactly as sent
/// (<c>SUCCESS</c>, <c>REQUIRE_EMAIL_VERIFICATION</c>, <c>REQUIRE_OWNER_APPROVAL</c>, or any other), the token
/// that state carries, and the member's identity where Wix gave it. Deciding what it means is the core's job.
/// </summary>
public sealed record LoginStateReply(
    string State,
    Option<Secret> SessionToken,
    Option<Secret> StateToken,
    Option<MemberIdentity> Identity);

/// <summary>What Sign On answered: a session token for the member it names.</summary>
public sealed record SignOnReply(Secret SessionToken, MemberIdentity Identity);

/// <summary>The member an identity answer names.</summary>
/// <param name="MemberId">The identity (member) ID.</param>
/// <param name="ContactId">The contact ID, when Wix sent one.</param>
/// <param name="Email">The login email, when sent.</param>
/// <param name="EmailVerified">Whether that email is verified, when sent.</param>
public sealed record MemberIdentity(string MemberId, string? ContactId, string? Email, bool? EmailVerified);

/// <summary>
/// A failed identity call: the <see cref="WixError"/> (its <c>Code</c> is Wix's application error code, such as
/// <c>-19976</c> or <c>VERIFICATION_FAILED</c>, or <c>validation_error</c>, or a transport code) and, for a field
/// violation, the field, the rule broken and <c>data.type</c> (<c>EMAIL</c> marks a bad email), which the SDK reads.
/// </summary>
public sealed record IdentityFailure(WixError Error, Option<string> Field, Option<string> ViolatedRule, Option<string> DataType) : IResultError<IdentityFailure>
{
    /// <summary>The <see cref="WixError"/>'s code.</summary>
    public string Code => Error.Code;

    /// <summary>A sentence naming the code only: Wix's description stays in <see cref="Error"/>.</summary>
    public string Message => $"Wix refused the call: {Error.Code}.";

    /// <summary>The code for a field violation.</summary>
    public const string ValidationError = "validation_error";

    /// <summary>A failure with no field violation (transport, status, application error).</summary>
    public static IdentityFailure Of(WixError error) => new(error, Option<string>.None, Option<string>.None, Option<string>.None);

    /// <inheritdoc />
    static IdentityFailure IResultError<IdentityFailure>.NotReturned { get; } = Of(WixError.Of("no_result"));
}

/// <summary>
/// Token info's answer: whether the token is active, and whose it is (<c>subjectType</c> <c>MEMBER</c> or
/// <c>VISITOR</c>, <c>subjectId</c>).
/// </summary>
public sealed record TokenInfoReply(bool Active, Option<string> SubjectType, Option<string> SubjectId)
{
    /// <summary>The member an active member's token is for; none for a visitor's, an inactive or an odd answer.</summary>
    public Option<MemberIdentity> Member =>
        Active && SubjectType == "MEMBER" && SubjectId.Case is string { Length: > 0 and <= 256 } id
            ? Some(new MemberIdentity(id, null, null, null))
            : None;
}

using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Members;

/// <summary>
/// Where a login, registration, verification or password reset stands after Wix's answer, when it did not fail:
/// a closed set, each with a stable <see cref="Code"/>.
/// </summary>
public abstract record MemberAuthStep
{
    private MemberAuthStep(string code, MemberIdentity? member) => (Code, Member) = (code, member);

    /// <summary>A stable, snake_case name of the step.</summary>
    public string Code { get; }

    /// <summary>The member, when Wix named them; else null.</summary>
    public MemberIdentity? Member { get; }

    /// <summary>The member is authenticated: the session token becomes member tokens through the authorize page.</summary>
    public sealed record LoggedIn(Secret SessionToken, MemberIdentity? Identity) : MemberAuthStep("logged_in", Identity)
    {
        /// <summary>Where the member goes once the session token became member tokens, as the form gave it; null for none.</summary>
        public string? ReturnTo { get; init; }
    }

    /// <summary>A code was mailed; it goes back with the state token (<c>ProcessVerification</c>).</summary>
    public sealed record EmailVerificationRequired(Secret StateToken, MemberIdentity? Identity)
        : MemberAuthStep("email_verification_required", Identity);

    /// <summary>The site owner must approve the member before they can log in.</summary>
    public sealed record OwnerApprovalRequired(MemberIdentity? Identity) : MemberAuthStep("owner_approval_required", Identity);
}

using LanguageExt;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Members;

/// <summary>
/// External login for trusted back ends (<c>getMemberTokensForExternalLogin</c> and its Sign On variant): the requests,
/// checked before anything is sent, and what Wix's answers mean. The API key goes only into these requests' headers.
/// </summary>
public static class ExternalLogin
{
    /// <summary>The longest member ID accepted: Wix's are GUIDs.</summary>
    public const int MaxMemberIdLength = 256;

    /// <summary>
    /// The <c>authorized_client</c> grant for <paramref name="memberId"/>, with the session's token when it holds one
    /// (<c>",&lt;API key&gt;"</c> otherwise, as the SDK sends it).
    /// </summary>
    public static Either<MemberAuthError, MemberAuthRequest.ExternalLogin> Grant(Option<Secret> heldToken, Secret apiKey, string memberId) =>
        from key in CheckedKey(apiKey)
        from id in CheckedMemberId(memberId)
        select new MemberAuthRequest.ExternalLogin(heldToken, key, id);

    /// <summary>Sign On: a session token for the member with <paramref name="email"/>, made (or found) by the site's back end.</summary>
    public static Either<MemberAuthError, MemberAuthRequest.SignOn> SignOn(
        Secret visitorToken, Secret apiKey, string email, Option<MemberProfile> profile, Option<bool> verifyEmail, Option<bool> mergeExistingContact) =>
        from key in CheckedKey(apiKey)
        from address in MemberFormFlow.CheckedEmail(email)
        select new MemberAuthRequest.SignOn(visitorToken, key, address, profile, verifyEmail, mergeExistingContact);

    /// <summary>The grant that follows Sign On: the member it named, with its session token.</summary>
    public static MemberAuthRequest.ExternalLoginWithSession GrantWithSession(Secret visitorToken, Secret apiKey, SignOnReply signOn) =>
        new(visitorToken, apiKey, signOn.Identity.MemberId, signOn.SessionToken);

    /// <summary>Why a grant was refused: a key without the permission, a member Wix does not know, or the call failed.</summary>
    public static MemberAuthError FromFailure(IdentityFailure failure) =>
        failure.Error.HttpStatus.Exists(s => s is 401 or 403) ? new MemberAuthError.PermissionDenied()
        : MemberAnswers.FromFailure(MemberAuthCall.SignOn, failure);

    /// <summary>
    /// An API key goes in <c>Authorization</c> after a comma: an empty one, or one with a comma, a space or a control
    /// character, could not be told apart from the token or would break the header, so it is refused here.
    /// </summary>
    internal static Either<MemberAuthError, Secret> CheckedKey(Secret apiKey) =>
        !apiKey.IsEmpty && !apiKey.Reveal().Any(c => c == ',' || char.IsWhiteSpace(c) || char.IsControl(c))
            ? apiKey
            : new MemberAuthError.InvalidField("apiKey", "FORMAT");

    private static Either<MemberAuthError, string> CheckedMemberId(string memberId) =>
        memberId.Trim() is { Length: > 0 and <= MaxMemberIdLength } id && !id.Any(char.IsControl)
            ? id
            : new MemberAuthError.InvalidField("memberId", "FORMAT");
}

using Wix.Auth.Core.Protocol;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth;

/// <summary>A member logged in: their tokens (now the session's), who they are, and until when the access token holds.</summary>
/// <param name="Tokens">The member's tokens; <c>ToString()</c> never shows them.</param>
/// <param name="MemberId">
/// The member's ID. Null only when Wix's token info could not be reached to say it: the member is logged in all the same,
/// and a later <see cref="WixAuthClient.GetMemberIdentityAsync"/> asks again.
/// </param>
/// <param name="ContactId">The member's contact ID, when Wix gave it.</param>
public sealed record MemberLogin(TokenPair Tokens, string? MemberId, string? ContactId)
{
    /// <summary>When the access token expires; the client renews it before then (<see cref="WixAuthClient.GetAccessTokenAsync"/>).</summary>
    public DateTimeOffset ExpiresAt => Tokens.AccessToken.ExpiresAt;

    internal static MemberLogin Of(TokenPair tokens, MemberIdentity? member) =>
        new(tokens, member?.MemberId, member?.ContactId);
}

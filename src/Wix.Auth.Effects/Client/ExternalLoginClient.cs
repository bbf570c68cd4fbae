using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// External login for a trusted back end that has authenticated the member itself (<c>@wix/sdk</c>'s
/// <c>getMemberTokensForExternalLogin</c> and <c>getMemberTokensForExternalLoginWithSession</c>): an API key vouches
/// for the member, and the member's tokens become this session's. Every outcome is a value with a stable code.
/// </summary>
/// <remarks>
/// The API key is a <see cref="WixApiKey"/>: masked wherever it is printed, and sent only in the <c>Authorization</c>
/// header of Wix's Sign On and token endpoints. Never use it in a browser or a public client.
/// </remarks>
public sealed class ExternalLoginClient(WixAuthClient session, IMemberAuthApi api, TimeProvider time)
{
    /// <summary>
    /// <c>getMemberTokensForExternalLogin</c>: tokens for the member <paramref name="memberId"/>, vouched for by
    /// <paramref name="apiKey"/> (whose app needs the permission to log members in).
    /// </summary>
    public async Task<AuthResult<MemberLogin, MemberAuthError>> GetMemberTokensAsync(
        string memberId, WixApiKey apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var held = (await session.GetTokensAsync(cancellationToken).ConfigureAwait(false))?.AccessToken.Value;
        var grant = ExternalLogin.Grant(Optional(held).Filter(t => !t.IsEmpty), apiKey.Secret, memberId ?? "");
        if (grant.Case is MemberAuthError refused) return refused;
        var request = (MemberAuthRequest.ExternalLogin)grant.Case!;
        return await TokensAsync(request, new MemberIdentity(request.MemberId, None, None, None), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>getMemberTokensForExternalLoginWithSession</c>: Sign On for the member with <paramref name="email"/> (created
    /// when Wix does not know them, with <paramref name="profile"/>), then tokens for the member it named. Both calls go
    /// with the session's access token (a visitor's, obtained first when the session has none) and the API key.
    /// </summary>
    public async Task<AuthResult<MemberLogin, MemberAuthError>> GetMemberTokensWithSessionAsync(
        string email, WixApiKey apiKey, MemberProfile? profile = null, bool? verifyEmail = null, bool? mergeExistingContact = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var access = await session.AccessTokenForIdentityCallAsync(cancellationToken).ConfigureAwait(false);
        if (access.Case is MemberAuthError noToken) return noToken;
        var token = (Secret)access.Case!;
        var signOnRequest = ExternalLogin.SignOn(token, apiKey.Secret, email ?? "", Optional(profile), Optional(verifyEmail), Optional(mergeExistingContact));
        if (signOnRequest.Case is MemberAuthError refused) return refused;
        var signOn = await api.SignOnAsync((MemberAuthRequest.SignOn)signOnRequest.Case!, cancellationToken).ConfigureAwait(false);
        if (!signOn.TryGetValue(out var reply, out var failure)) return ExternalLogin.FromFailure(failure);
        return await TokensAsync(ExternalLogin.GrantWithSession(token, apiKey.Secret, reply), reply.Identity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthResult<MemberLogin, MemberAuthError>> TokensAsync(MemberAuthRequest grant, MemberIdentity member, CancellationToken cancellationToken)
    {
        var answer = await api.RequestTokensAsync(grant, cancellationToken).ConfigureAwait(false);
        if (!answer.TryGetValue(out var response, out var failure)) return ExternalLogin.FromFailure(failure);
        var tokens = response.ToTokens(time.GetUtcNow(), TokenRole.Member);
        await session.SetTokensAsync(tokens, cancellationToken).ConfigureAwait(false);
        return new MemberLogin(tokens, member);
    }
}

using LanguageExt;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Interpreter;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth;

/// <summary>
/// External login for a trusted back end that has authenticated the member itself (<c>@wix/sdk</c>'s
/// <c>getMemberTokensForExternalLogin</c> and <c>getMemberTokensForExternalLoginWithSession</c>): an API key vouches
/// for the member, and the member's tokens become this session's. Every outcome is a value with a stable code.
/// </summary>
/// <remarks>
/// The API key is a <see cref="WixApiKey"/>: masked wherever it is printed, and sent only in the <c>Authorization</c>
/// header of Wix's Sign On and token endpoints. Never use it in a browser or a public client.
/// </remarks>
/// <param name="session">The session whose tokens the login sets.</param>
/// <param name="api">Wix's identity endpoints. Default: the session's.</param>
/// <param name="time">The clock. Default: the session's.</param>
public sealed class ExternalLoginClient(WixAuthClient session, IMemberAuthApi? api = null, TimeProvider? time = null)
{
    private readonly ExternalLoginInterpreter interpreter = new(session, api ?? session.MemberAuth, time ?? session.Time);

    /// <summary>
    /// <c>getMemberTokensForExternalLogin</c>: tokens for the member <paramref name="memberId"/>, vouched for by
    /// <paramref name="apiKey"/> (whose app needs the permission to log members in). The grant goes with the session's
    /// access token, renewed first when it is stale, or without one when the session has none.
    /// </summary>
    public Task<AuthResult<MemberLogin, MemberAuthError>> GetMemberTokensAsync(
        string memberId, WixApiKey apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return RunAsync(new ExternalLoginRequest.ByMemberId(apiKey.Secret, memberId ?? ""), cancellationToken);
    }

    /// <summary>
    /// <c>getMemberTokensForExternalLoginWithSession</c>: Sign On for the member with <paramref name="email"/> (created
    /// when Wix does not know them, with <paramref name="profile"/>), then tokens for the member it named. Both calls go
    /// with the session's access token (renewed first when it is stale; a visitor's, obtained first, when the session has
    /// none) and the API key.
    /// </summary>
    public Task<AuthResult<MemberLogin, MemberAuthError>> GetMemberTokensWithSessionAsync(
        string email, WixApiKey apiKey, MemberProfile? profile = null, bool? verifyEmail = null, bool? mergeExistingContact = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return RunAsync(new ExternalLoginRequest.WithSignOn(apiKey.Secret, email ?? "", Optional(profile), Optional(verifyEmail), Optional(mergeExistingContact)),
            cancellationToken);
    }

    // ExternalLoginFlow decides; the interpreter makes the calls and hands the granted tokens to the session's flow.
    private async Task<AuthResult<MemberLogin, MemberAuthError>> RunAsync(ExternalLoginRequest request, CancellationToken cancellationToken) =>
        (await interpreter.RunAsync(request, cancellationToken).ConfigureAwait(false)).Map(granted => MemberLogin.Of(granted.Session.Tokens, granted.Member)).ToResult();
}

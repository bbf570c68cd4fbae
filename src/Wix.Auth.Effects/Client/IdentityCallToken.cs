using LanguageExt;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth;

/// <summary>The access token the identity calls (forms, Sign On) go with, as the SDK sends it.</summary>
internal static class IdentityCallToken
{
    /// <summary>The session's access token: the one held, else a visitor's, obtained now.</summary>
    public static async Task<Either<MemberAuthError, Secret>> AccessTokenForIdentityCallAsync(this WixAuthClient session, CancellationToken cancellationToken)
    {
        var held = await session.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (held.TryGetValue(out var token)) return token;
        var visitor = await session.GenerateVisitorTokensAsync(cancellationToken).ConfigureAwait(false);
        return visitor.Match(
            pair => Right<MemberAuthError, Secret>(pair.AccessToken.Value),
            error => Left<MemberAuthError, Secret>(new MemberAuthError.RemoteCallFailed(AuthResults.WixErrorOf(error))));
    }
}

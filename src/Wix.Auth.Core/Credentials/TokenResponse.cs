using LanguageExt;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Credentials;

/// <summary>A successful answer of <c>POST /oauth2/token</c>, as received.</summary>
/// <param name="AccessToken"><c>access_token</c>.</param>
/// <param name="RefreshToken"><c>refresh_token</c>; a refresh may leave it out, and then the old one stays.</param>
/// <param name="ExpiresIn"><c>expires_in</c>, in seconds.</param>
public sealed record TokenResponse(Secret AccessToken, Option<Secret> RefreshToken, long ExpiresIn)
{
    /// <summary>
    /// The tokens this response grants at <paramref name="now"/>, for <paramref name="role"/>. A refresh
    /// passes its old refresh token as <paramref name="previousRefreshToken"/>: kept unless Wix rotated it.
    /// </summary>
    public Tokens ToTokens(DateTimeOffset now, TokenRole role, Option<Secret> previousRefreshToken = default) =>
        new(new AccessToken(AccessToken, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + ExpiresIn)),
            new RefreshToken(RefreshToken.Match(r => r.IsEmpty ? previousRefreshToken.IfNone(r) : r, () => previousRefreshToken.IfNone(default(Secret))), role));
}

using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Credentials;

/// <summary>An access token and the instant it stops being accepted.</summary>
/// <param name="Value">The token; sent bare in <c>Authorization</c>.</param>
/// <param name="ExpiresAt">Whole seconds: the response's <c>now</c> floored, plus <c>expires_in</c>, as the SDK computes it.</param>
public sealed record AccessToken(Secret Value, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// True when the token is expired at <paramref name="now"/> or will be within <paramref name="margin"/>:
    /// refreshing a little early means no request goes out with a token that expires on the way.
    /// </summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan margin) => now + margin >= ExpiresAt;
}

/// <summary>A refresh token and whose it is.</summary>
public sealed record RefreshToken(Secret Value, TokenRole Role);

/// <summary>The pair of tokens a client holds: <c>{accessToken, refreshToken}</c> in the SDK.</summary>
public sealed record Tokens(AccessToken AccessToken, RefreshToken RefreshToken)
{
    /// <summary>Whose tokens these are.</summary>
    public TokenRole Role => RefreshToken.Role;
}

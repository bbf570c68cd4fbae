namespace Wix.Auth.Emulator.Model;

/// <summary>An issued access token.</summary>
internal sealed record AccessTokenGrant(
    string Token, string ClientId, Subject Subject, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public bool IsActiveAt(DateTimeOffset now) => now < ExpiresAt;
}

/// <summary>An issued refresh token; it does not expire, but rotation or code reuse revokes it.</summary>
internal sealed record RefreshTokenGrant(string Token, string ClientId, Subject Subject);

/// <summary>The pair a token response carries.</summary>
internal sealed record TokenPair(AccessTokenGrant Access, RefreshTokenGrant Refresh);

/// <summary>An authorization code, bound to the login request that produced it.</summary>
internal sealed record AuthorizationCode(
    string Code, string ClientId, string? RedirectUri, string CodeChallenge, DemoMember Member, DateTimeOffset ExpiresAt);

/// <summary>What a code was exchanged for, kept a while so a second use can revoke it (RFC 6749 §4.1.2).</summary>
internal sealed record SpentCode(string AccessToken, string RefreshToken, DateTimeOffset ForgetAt);

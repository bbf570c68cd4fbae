using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;

namespace Wix.Auth.Effects.Storage;

// Plain shapes for System.Text.Json, which cannot write LanguageExt's Option or the masked Secret. Every property is
// nullable because stored data comes from outside this process: StoredMapping decides what a usable entry is.

/// <summary>A token pair as stored: the secrets in clear, so the store itself must be protected.</summary>
internal sealed class StoredTokensDto
{
    public string? AccessToken { get; set; }
    public DateTimeOffset AccessTokenExpiresAt { get; set; }
    public string? RefreshToken { get; set; }
    public TokenRole Role { get; set; }
}

/// <summary>A pending login as stored: the PKCE verifier in clear, for the TTL at most.</summary>
internal sealed class StoredPendingLoginDto
{
    public string? RedirectUri { get; set; }
    public string? OriginalUri { get; set; }
    public string? CodeVerifier { get; set; }
    public string? CodeChallenge { get; set; }
    public string? State { get; set; }
    public Prompt Prompt { get; set; }
    public ResponseMode ResponseMode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The whole token file: one pair per session key.</summary>
internal sealed class TokenFileDto
{
    /// <summary>The format's version, so a later format can tell an old file from a corrupt one.</summary>
    public int Version { get; set; } = 1;

    public Dictionary<string, StoredTokensDto>? Sessions { get; set; }
}

using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Pkce;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Tokens;
using TokenPair = Wix.Auth.Core.Tokens.Tokens;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>A member's tokens as kept in a shared store.</summary>
internal sealed record StoredTokens(string AccessToken, long ExpiresAt, string RefreshToken, TokenRole Role)
{
    public static StoredTokens From(TokenPair tokens) => new(
        tokens.AccessToken.Value.Reveal(), tokens.AccessToken.ExpiresAt.ToUnixTimeSeconds(), tokens.RefreshToken.Value.Reveal(), tokens.Role);

    public TokenPair ToTokens() => new(
        new AccessToken(AccessToken.AsSecret(), DateTimeOffset.FromUnixTimeSeconds(ExpiresAt)),
        new RefreshToken(RefreshToken.AsSecret(), Role));

    /// <summary>Never the tokens themselves.</summary>
    public override string ToString() => $"StoredTokens {{ Role = {Role}, ExpiresAt = {ExpiresAt} }}";
}

/// <summary>A pending login as kept in a shared store.</summary>
internal sealed record StoredPendingLogin(
    string RedirectUri, string? OriginalUri, string CodeVerifier, string CodeChallenge, string State,
    Prompt Prompt, ResponseMode ResponseMode, DateTimeOffset CreatedAt)
{
    public static StoredPendingLogin From(PendingLogin pending) => new(
        pending.Data.RedirectUri, pending.Data.OriginalUri.MatchUnsafe(u => u, () => null), pending.Data.CodeVerifier.Reveal(),
        pending.Data.CodeChallenge, pending.Data.State, pending.Prompt, pending.ResponseMode, pending.CreatedAt);

    public PendingLogin ToPendingLogin() => new(
        new OAuthData(RedirectUri, Prelude.Optional(OriginalUri), CodeVerifier.AsSecret(), CodeChallenge, State),
        Prompt, ResponseMode, CreatedAt);

    /// <summary>Never the verifier.</summary>
    public override string ToString() => $"StoredPendingLogin {{ CreatedAt = {CreatedAt:O} }}";
}

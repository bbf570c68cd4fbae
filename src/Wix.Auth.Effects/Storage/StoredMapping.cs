using System.Text.Json;
using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Effects.Storage;

/// <summary>The one translation between the core's types and the stored DTOs, shared by every persistent store.</summary>
internal static class StoredMapping
{
    public static StoredTokensDto ToDto(TokenPair tokens) => new()
    {
        AccessToken = tokens.AccessToken.Value.Reveal(),
        AccessTokenExpiresAt = tokens.AccessToken.ExpiresAt,
        RefreshToken = tokens.RefreshToken.Value.Reveal(),
        Role = tokens.Role,
    };

    /// <summary>The pair, or None when a field is missing: a damaged entry counts as no tokens, never as half a pair.</summary>
    public static Option<TokenPair> FromDto(StoredTokensDto? dto) =>
        dto is { AccessToken: { Length: > 0 } access, RefreshToken: { } refresh }
            ? Some(new TokenPair(new AccessToken(access.AsSecret(), dto.AccessTokenExpiresAt), new RefreshToken(refresh.AsSecret(), dto.Role)))
            : None;

    public static StoredPendingLoginDto ToDto(PendingLogin pending) => new()
    {
        RedirectUri = pending.Data.RedirectUri,
        OriginalUri = pending.Data.OriginalUri.MatchUnsafe(uri => uri, () => null),
        CodeVerifier = pending.Data.CodeVerifier.Reveal(),
        CodeChallenge = pending.Data.CodeChallenge,
        State = pending.Data.State,
        Prompt = pending.Prompt,
        ResponseMode = pending.ResponseMode,
        CreatedAt = pending.CreatedAt,
    };

    /// <summary>The pending login, or None when a required field is missing.</summary>
    public static Option<PendingLogin> FromDto(StoredPendingLoginDto? dto) =>
        dto is { RedirectUri: { } redirect, CodeVerifier: { Length: > 0 } verifier, CodeChallenge: { } challenge, State: { } state }
            ? Some(new PendingLogin(
                new OAuthData(redirect, Optional(dto.OriginalUri), verifier.AsSecret(), challenge, state),
                dto.Prompt, dto.ResponseMode, dto.CreatedAt))
            : None;

    public static byte[] Serialize(TokenPair tokens) =>
        JsonSerializer.SerializeToUtf8Bytes(ToDto(tokens), StorageJsonContext.Default.StoredTokensDto);

    public static byte[] Serialize(PendingLogin pending) =>
        JsonSerializer.SerializeToUtf8Bytes(ToDto(pending), StorageJsonContext.Default.StoredPendingLoginDto);

    /// <summary>Stored bytes back to tokens; bytes that are not a valid entry give None.</summary>
    public static Option<TokenPair> DeserializeTokens(byte[]? bytes) =>
        TryRead(bytes, b => JsonSerializer.Deserialize(b, StorageJsonContext.Default.StoredTokensDto)).Bind(FromDto);

    /// <summary>Stored bytes back to a pending login; bytes that are not a valid entry give None.</summary>
    public static Option<PendingLogin> DeserializePendingLogin(byte[]? bytes) =>
        TryRead(bytes, b => JsonSerializer.Deserialize(b, StorageJsonContext.Default.StoredPendingLoginDto)).Bind(FromDto);

    private static Option<T> TryRead<T>(byte[]? bytes, Func<byte[], T?> read) where T : class
    {
        if (bytes is null) return None;
        try
        {
            return Optional(read(bytes));
        }
        catch (JsonException)
        {
            return None;
        }
    }
}

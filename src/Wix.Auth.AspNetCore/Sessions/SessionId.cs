using System.Security.Cryptography;
using System.Text;
using Wix.Auth.Core.OAuth;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// The member-session id: 256 random bits in the cookie. The stores are keyed by its SHA-256, so whoever reads the
/// store (a Redis dump) still cannot present a session cookie.
/// </summary>
internal static class SessionId
{
    private const int Bytes = 32;
    private const int EncodedLength = 43;
    private const string KeyPrefix = "wix.web:";

    /// <summary>The key used when a request carries no valid session cookie; nothing is ever stored under it.</summary>
    public const string NoSession = KeyPrefix + "none";

    /// <summary>A new, unguessable session id.</summary>
    public static string New()
    {
        Span<byte> random = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(random);
        return Base64Url.Encode(random);
    }

    /// <summary>The store key of <paramref name="sessionId"/>, or null when the value is not one of ours.</summary>
    public static string? KeyOf(string? sessionId)
    {
        if (sessionId is not { Length: EncodedLength } || sessionId.AsSpan().ContainsAnyExcept(Base64UrlChars)) return null;
        // Once per request: the key is the only thing made.
        Span<byte> ascii = stackalloc byte[EncodedLength];
        Encoding.ASCII.GetBytes(sessionId, ascii);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, hash);
        Span<char> key = stackalloc char[KeyPrefix.Length + EncodedLength]; // a SHA-256 is 32 bytes, as an id is
        KeyPrefix.CopyTo(key);
        System.Buffers.Text.Base64Url.EncodeToChars(hash, key[KeyPrefix.Length..]);
        return new string(key);
    }

    private static readonly System.Buffers.SearchValues<char> Base64UrlChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}

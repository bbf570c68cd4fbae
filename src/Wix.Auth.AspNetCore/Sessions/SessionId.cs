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
    public static string New() => Base64Url.Encode(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The store key of <paramref name="sessionId"/>, or null when the value is not one of ours.</summary>
    public static string? KeyOf(string? sessionId) =>
        sessionId is { Length: EncodedLength } && sessionId.All(IsBase64UrlChar)
            ? KeyPrefix + Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(sessionId)))
            : null;

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}

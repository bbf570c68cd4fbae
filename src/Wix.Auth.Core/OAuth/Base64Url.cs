namespace Wix.Auth.Core.OAuth;

/// <summary>Base64url without padding (RFC 4648 §5), the encoding PKCE uses.</summary>
public static class Base64Url
{
    /// <summary>Encodes <paramref name="bytes"/>: 3 bytes become 4 characters of <c>A-Z a-z 0-9 - _</c>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

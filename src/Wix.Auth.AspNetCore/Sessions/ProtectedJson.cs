using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// A value as a cookie's text: JSON, encrypted and signed with ASP.NET Data Protection, so the browser can neither read
/// nor forge it and every instance sharing the key ring can open it.
/// </summary>
internal sealed class ProtectedJson<T>(IDataProtectionProvider protection, string purpose, JsonTypeInfo<T> type) where T : class
{
    private readonly IDataProtector protector = protection.CreateProtector(purpose);

    /// <summary>
    /// The cookie's text: the same as <c>IDataProtector.Protect(string)</c> makes (base64url of the protected UTF-8), from
    /// the JSON's UTF-8 bytes without a string between.
    /// </summary>
    public string Protect(T value) => WebEncoders.Base64UrlEncode(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value, type)));

    /// <summary>The value, or null when the text is missing, tampered with, or made with an unknown key.</summary>
    public T? Unprotect(string? text)
    {
        if (text is not { Length: > 0 }) return null;
        try
        {
            return JsonSerializer.Deserialize(protector.Unprotect(WebEncoders.Base64UrlDecode(text)), type);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}

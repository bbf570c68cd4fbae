using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.DataProtection;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// A value as a cookie's text: JSON, encrypted and signed with ASP.NET Data Protection, so the browser can neither read
/// nor forge it and every instance sharing the key ring can open it.
/// </summary>
internal sealed class ProtectedJson<T>(IDataProtectionProvider protection, string purpose, JsonTypeInfo<T> type) where T : class
{
    private readonly IDataProtector protector = protection.CreateProtector(purpose);

    public string Protect(T value) => protector.Protect(JsonSerializer.Serialize(value, type));

    /// <summary>The value, or null when the text is missing, tampered with, or made with an unknown key.</summary>
    public T? Unprotect(string? text)
    {
        if (text is not { Length: > 0 }) return null;
        try
        {
            return JsonSerializer.Deserialize(protector.Unprotect(text), type);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}

namespace Wix.Auth.Core.Secrets;

/// <summary>Conversions to <see cref="Secret"/>.</summary>
public static class SecretExtensions
{
    /// <summary>Wraps a string as a <see cref="Secret"/>.</summary>
    public static Secret AsSecret(this string value) => new(value);
}

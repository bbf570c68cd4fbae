using Wix.Auth.Core.Secrets;

namespace Wix.Auth;

/// <summary>
/// A Wix API key for external login: a secret. It prints as a mask (<see cref="ToString"/>), compares in constant time,
/// and is revealed only to put it in the <c>Authorization</c> header of the Sign On and token requests to Wix.
/// </summary>
/// <param name="value">The key as Wix issued it; keep it in a secret store, not in code or settings files.</param>
public sealed class WixApiKey(string value) : IEquatable<WixApiKey>
{
    internal Secret Secret { get; } = new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Always <see cref="Secret.Mask"/>.</summary>
    public override string ToString() => Secret.Mask;

    /// <inheritdoc />
    public bool Equals(WixApiKey? other) => other is not null && Secret.Equals(other.Secret);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WixApiKey);

    /// <summary>A hash that does not depend on the key.</summary>
    public override int GetHashCode() => 0;
}

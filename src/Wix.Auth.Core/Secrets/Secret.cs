using System.Security.Cryptography;
using System.Text;

namespace Wix.Auth.Core.Secrets;

/// <summary>
/// A value that must never be printed: an access or refresh token, an authorization code, a PKCE verifier.
/// </summary>
/// <remarks>
/// Invariants: <see cref="ToString"/> never returns the value, so records that hold a secret print a mask;
/// equality is compared in constant time for equal lengths. <c>default(Secret)</c> is the empty secret.
/// </remarks>
public readonly struct Secret : IEquatable<Secret>
{
    /// <summary>What every secret prints as.</summary>
    public const string Mask = "***";

    private readonly string? value;

    /// <summary>Wraps <paramref name="value"/>; <c>null</c> becomes the empty secret.</summary>
    public Secret(string? value) => this.value = value;

    /// <summary>True when the secret holds no characters.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(value);

    /// <summary>The value itself, for the one place that must send it over the wire or store it.</summary>
    public string Reveal() => value ?? string.Empty;

    /// <summary>Always <see cref="Mask"/>.</summary>
    public override string ToString() => Mask;

    /// <inheritdoc />
    public bool Equals(Secret other) => FixedTimeEquals(Reveal(), other.Reveal());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    /// <summary>A hash that does not depend on the value, so hashing leaks nothing.</summary>
    public override int GetHashCode() => 0;

    /// <summary>Value equality in constant time.</summary>
    public static bool operator ==(Secret left, Secret right) => left.Equals(right);

    /// <summary>Value inequality in constant time.</summary>
    public static bool operator !=(Secret left, Secret right) => !left.Equals(right);

    /// <summary>
    /// Compares two strings in time that depends only on their lengths, so an attacker who guesses a
    /// <c>state</c> or a token learns nothing from how long a rejection takes.
    /// </summary>
    public static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}

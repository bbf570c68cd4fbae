using System.Security.Cryptography;

namespace Wix.Auth.Effects.Ports;

/// <summary>Where PKCE verifiers and states get their randomness.</summary>
public interface IEntropySource
{
    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    void Fill(Span<byte> buffer);
}

/// <summary>The operating system's cryptographic random number generator.</summary>
public sealed class CryptographicEntropy : IEntropySource
{
    /// <inheritdoc />
    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}

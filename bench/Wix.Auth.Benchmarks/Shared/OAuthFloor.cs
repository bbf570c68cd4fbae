using System.Security.Cryptography;
using System.Text;

namespace Wix.Auth.Benchmarks.Shared;

/// <summary>
/// What any <c>generateOAuthData</c> must do, and nothing else: 80 bytes from the OS random source, base64url of the 48
/// verifier bytes and of the 32 state bytes, SHA-256 of the verifier's ASCII, base64url of the hash. Three strings come
/// out because the login's data holds three. The whole (<c>Pkce.GenerateOAuthData</c> with the OS random source) is
/// judged against this.
/// </summary>
internal static class OAuthFloor
{
    private const int VerifierBytes = 48, StateBytes = 32, Bytes = VerifierBytes + StateBytes;

    /// <summary>The floor: random bytes, the two encodings, the hash and its encoding. Returns the total length.</summary>
    public static int Compute()
    {
        Span<byte> entropy = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(entropy);
        return FromEntropy(entropy);
    }

    /// <summary>The OS random source alone, for 80 bytes.</summary>
    public static int OsRandom()
    {
        Span<byte> entropy = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(entropy);
        return entropy[0];
    }

    /// <summary>SHA-256 of a 64-character verifier's ASCII, alone.</summary>
    public static int Sha256(string verifier)
    {
        Span<byte> ascii = stackalloc byte[64];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii[..Encoding.ASCII.GetBytes(verifier, ascii)], hash);
        return hash[0];
    }

    /// <summary>The three base64url encodings alone (verifier, state, a 32-byte hash).</summary>
    public static int Encodings(ReadOnlySpan<byte> entropy) =>
        System.Buffers.Text.Base64Url.EncodeToString(entropy[..VerifierBytes]).Length
        + System.Buffers.Text.Base64Url.EncodeToString(entropy.Slice(VerifierBytes, StateBytes)).Length
        + System.Buffers.Text.Base64Url.EncodeToString(entropy[..SHA256.HashSizeInBytes]).Length;

    private static int FromEntropy(ReadOnlySpan<byte> entropy)
    {
        var verifier = System.Buffers.Text.Base64Url.EncodeToString(entropy[..VerifierBytes]);
        var state = System.Buffers.Text.Base64Url.EncodeToString(entropy.Slice(VerifierBytes, StateBytes));
        Span<byte> ascii = stackalloc byte[64];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii[..Encoding.ASCII.GetBytes(verifier, ascii)], hash);
        return verifier.Length + state.Length + System.Buffers.Text.Base64Url.EncodeToString(hash).Length;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Wix.Auth.Emulator.Tests.Support;

/// <summary>A verifier and its S256 challenge, computed here independently of the emulator's code.</summary>
internal sealed record PkcePair(string Verifier, string Challenge)
{
    public static PkcePair New()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new(verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

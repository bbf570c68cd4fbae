using System.Security.Cryptography;
using System.Text;

namespace Wix.Auth.Emulator.Model;

/// <summary>RFC 7636 S256: the server's side of PKCE, computed here so the emulator depends on no client code.</summary>
internal static class Pkce
{
    public static bool IsWellFormedVerifier(string verifier) =>
        verifier.Length is >= 43 and <= 128 && verifier.All(IsUnreserved);

    public static bool IsWellFormedChallenge(string challenge) =>
        challenge.Length == 43 && challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string ChallengeOf(string verifier) =>
        Secrets.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static bool Verifies(string verifier, string challenge) =>
        IsWellFormedVerifier(verifier) &&
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(ChallengeOf(verifier)), Encoding.ASCII.GetBytes(challenge));

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}

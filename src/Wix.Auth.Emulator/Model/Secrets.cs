using System.Security.Cryptography;

namespace Wix.Auth.Emulator.Model;

/// <summary>
/// Unguessable identifiers: 256 random bits, base64url, with a prefix that says what they are. A secret's prefix starts
/// <c>emu-</c> (<c>emu-at-</c>, <c>emu-code-</c>, …): that shape is how the request log recognises every secret the
/// emulator issued (<see cref="Observation.SecretValues"/>); an identifier that is not secret (<c>rs-</c>) must not start so.
/// </summary>
internal static class Secrets
{
    public static string New(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Cryptography;
using System.Text;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Urls;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.OAuth;

/// <summary>PKCE (RFC 7636) and the OAuth data of one login, from entropy the caller supplies.</summary>
public static class Pkce
{
    /// <summary>Random bytes behind the verifier: 48 bytes are exactly 64 base64url characters, 384 bits.</summary>
    public const int VerifierEntropyBytes = 48;

    /// <summary>Random bytes behind the state: 32 bytes, 256 bits, 43 characters.</summary>
    public const int StateEntropyBytes = 32;

    /// <summary>How many random bytes <see cref="GenerateOAuthData"/> needs.</summary>
    public const int RequiredEntropyBytes = VerifierEntropyBytes + StateEntropyBytes;

    /// <summary>The challenge method; the only one this library sends.</summary>
    public const string ChallengeMethod = "S256";

    /// <summary>
    /// Builds the OAuth data of one login from <paramref name="entropy"/> (at least
    /// <see cref="RequiredEntropyBytes"/> bytes from a cryptographic random source; only that many are used).
    /// </summary>
    /// <remarks>
    /// The verifier is base64url of 48 bytes: 64 characters, each uniform over 64 symbols — no modulo bias,
    /// unlike <c>@wix/sdk</c>'s <c>byte % 66</c>. Every error in the input is reported, not just the first.
    /// </remarks>
    public static Validation<AuthError, OAuthData> GenerateOAuthData(
        string redirectUri, Option<string> originalUri, ReadOnlySpan<byte> entropy)
    {
        // Bytes 0-47 make the verifier, 48-79 the state; the rest is ignored. Both exist only when the checks pass.
        var enough = entropy.Length >= RequiredEntropyBytes;
        var verifier = enough ? Base64Url.Encode(entropy[..VerifierEntropyBytes]) : null;
        var state = enough ? Base64Url.Encode(entropy.Slice(VerifierEntropyBytes, StateEntropyBytes)) : null;
        var entropyCheck = enough
            ? Success<AuthError, Unit>(unit)
            : Fail<AuthError, Unit>(new AuthError.InsufficientEntropy(RequiredEntropyBytes, entropy.Length));
        var originalCheck = originalUri.Match(uri => ReturnUrl.Validate(uri).Map(_ => unit), () => Success<AuthError, Unit>(unit));

        return (ValidateRedirectUri(redirectUri), originalCheck, entropyCheck)
            .Apply((redirect, _, _) => new OAuthData(redirect, originalUri.MatchUnsafe(u => u, () => null), verifier!.AsSecret(), CodeChallenge(verifier!), state!));
    }

    /// <summary>The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))).</summary>
    public static string CodeChallenge(string codeVerifier)
    {
        // ASCII is one byte a character; a verifier is at most 128 of them, so the usual case stays on the stack.
        if (codeVerifier.Length > 1024) return Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
        Span<byte> ascii = stackalloc byte[codeVerifier.Length];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii[..Encoding.ASCII.GetBytes(codeVerifier, ascii)], hash);
        return Base64Url.Encode(hash);
    }

    /// <summary>
    /// True when <paramref name="verifier"/> is what RFC 7636 §4.1 allows: 43 to 128 characters of
    /// <c>A-Z a-z 0-9 - . _ ~</c>.
    /// </summary>
    public static bool IsValidVerifier(string verifier) =>
        verifier.Length is >= 43 and <= 128 && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    /// <summary>
    /// True when <paramref name="redirectUri"/> may be a login's redirect URI (<c>spec/pkce.md</c>, step 1): RFC 3986's
    /// characters only, no fragment, a scheme of two characters or more; http(s) with a valid authority; no dot segment.
    /// Custom schemes are allowed: native apps register e.g. <c>com.example.app:/callback</c> (RFC 8252 §7.1).
    /// </summary>
    public static bool IsValidRedirectUri(string redirectUri) => RedirectUri.IsValid(redirectUri);

    private static Validation<AuthError, string> ValidateRedirectUri(string redirectUri) =>
        IsValidRedirectUri(redirectUri) ? Success<AuthError, string>(redirectUri) : Fail<AuthError, string>(new AuthError.InvalidRedirectUri());
}

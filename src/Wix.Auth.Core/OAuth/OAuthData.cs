using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.OAuth;

/// <summary>
/// What a login needs to remember between asking Wix for a login URL and the member's return:
/// the object <c>generateOAuthData</c> returns in <c>@wix/sdk</c>.
/// </summary>
/// <param name="RedirectUri">Where Wix sends the member back; must be one of the OAuth app's allowed redirect URIs.</param>
/// <param name="OriginalUri">Where the member was before logging in, to return there afterwards; null for none.</param>
/// <param name="CodeVerifier">The PKCE verifier (RFC 7636), sent only with the code exchange.</param>
/// <param name="CodeChallenge">BASE64URL(SHA-256(verifier)), sent with the login request.</param>
/// <param name="State">The anti-forgery value Wix echoes back; at least 256 bits.</param>
public sealed record OAuthData(
    string RedirectUri,
    string? OriginalUri,
    Secret CodeVerifier,
    string CodeChallenge,
    string State);

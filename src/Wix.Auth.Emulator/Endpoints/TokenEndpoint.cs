using System.Text.Json.Serialization;
using Wix.Auth.Emulator.MemberAuth;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary><c>POST /oauth2/token</c>: the anonymous, authorization_code and refresh_token grants, and authorized_client.</summary>
internal static class TokenEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state, OAuthApps apps, MemberAuthState members)
    {
        var body = RequestBody.Of(context);
        if (body.Kind is not (BodyKind.Json or BodyKind.Form)) return OAuthError.ForUnreadable(body);
        var grantType = body.Text("grantType", "grant_type");
        // External login carries no client ID: the API key in Authorization names the app.
        if (grantType == "authorized_client") return ExternalLoginGrant.Handle(context, body, state, members);
        var clientId = body.Text("clientId", "client_id");
        if (grantType is null) return OAuthError.InvalidRequest("grantType is required.");
        if (clientId is null) return OAuthError.InvalidRequest("clientId is required.");
        if (grantType is not ("anonymous" or "authorization_code" or "refresh_token"))
            return OAuthError.UnsupportedGrantType($"The grant type '{grantType}' is not supported.");
        if (apps.Find(clientId) is null) return OAuthError.InvalidClient("Unknown client.");
        return grantType switch
        {
            "anonymous" => Ok(state, state.IssueTokens(clientId, Subject.NewVisitor())),
            "authorization_code" => ExchangeCode(body, state, clientId),
            _ => Refresh(body, state, clientId),
        };
    }

    private static IResult ExchangeCode(RequestBody body, EmulatorState state, string clientId)
    {
        var code = body.Text("code");
        var redirectUri = body.Text("redirectUri", "redirect_uri");
        var verifier = body.Text("codeVerifier", "code_verifier");
        // redirectUri may be absent only when the code was issued without one (direct login, web_message): checked below.
        if (code is null || verifier is null)
            return OAuthError.InvalidRequest("code and codeVerifier are required.");

        var issued = state.TakeCode(code);
        if (issued is null)
            return OAuthError.InvalidGrant(state.RevokeIfSpent(code)
                ? "The code was already used; the tokens it gave are revoked."
                : "Unknown code.");
        if (state.Now >= issued.ExpiresAt) return OAuthError.InvalidGrant("The code has expired.");
        if (issued.ClientId != clientId) return OAuthError.InvalidGrant("The code was issued to another client.");
        if (issued.RedirectUri != redirectUri)
            return OAuthError.InvalidGrant("redirectUri differs from the one the code was issued for.");
        if (!Pkce.Verifies(verifier, issued.CodeChallenge))
            return OAuthError.InvalidGrant("codeVerifier does not match the code challenge (PKCE S256).");

        var pair = state.IssueTokens(clientId, Subject.For(issued.Member));
        state.RememberSpent(code, pair);
        return Ok(state, pair);
    }

    private static IResult Refresh(RequestBody body, EmulatorState state, string clientId)
    {
        var token = body.Text("refreshToken", "refresh_token");
        if (token is null) return OAuthError.InvalidRequest("refreshToken is required.");
        var grant = state.FindRefreshToken(token);
        if (grant is null) return OAuthError.InvalidGrant("Unknown or revoked refresh token.");
        if (grant.ClientId != clientId) return OAuthError.InvalidGrant("The refresh token belongs to another client.");

        var refresh = grant;
        if (state.Options.RotateRefreshTokens && !state.TryRotate(grant, out refresh))
            return OAuthError.InvalidGrant("The refresh token was already used.");
        return Ok(state, new TokenPair(state.IssueAccessToken(clientId, grant.Subject), refresh));
    }

    public static IResult Ok(EmulatorState state, TokenPair pair) => EmulatorJson.Result(
        new TokenResponse(
            pair.Access.Token, pair.Refresh.Token, (long)state.Options.AccessTokenLifetime.TotalSeconds, "Bearer"));

    internal sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string RefreshToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn,
        [property: JsonPropertyName("token_type")] string TokenType);
}

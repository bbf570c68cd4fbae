using System.Text.Json.Nodes;
using Wix.Auth.Emulator.MemberAuth;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary>Validates the <c>auth</c> intent of a Redirect Session request against the app's rules.</summary>
internal static class LoginRequest
{
    public static ParseOutcome Parse(JsonObject auth, OAuthApps apps, MemberAuthOptions memberAuth)
    {
        if (auth["authRequest"] is not JsonObject request)
            return Fail("auth.authRequest", "auth.authRequest is required.");

        var clientId = JsonText.Of(request, "clientId");
        if (clientId is null) return Fail("auth.authRequest.clientId", "clientId is required.");
        var app = apps.Find(clientId);
        if (app is null) return ParseOutcome.Fail(Application("UNKNOWN_CLIENT", "Unknown client."));

        var redirectUri = JsonText.Of(request, "redirectUri");
        // Direct login (web_message) sends no redirect URI: the answer goes to the framing page instead.
        var directLogin = !request.ContainsKey("redirectUri") && JsonText.Of(request, "responseMode") == "web_message";
        if (!directLogin)
        {
            if (redirectUri is null || !RedirectRules.IsWellFormedRedirectUri(redirectUri))
                return Fail("auth.authRequest.redirectUri", "redirectUri must be an absolute URI without a fragment.");
            if (!RedirectRules.IsAllowedRedirectUri(app, redirectUri))
                return ParseOutcome.Fail(Application("INVALID_REDIRECT_URI",
                    "redirectUri is not one of the app's allowed redirect URIs."));
        }

        var challenge = JsonText.Of(request, "codeChallenge");
        if (challenge is null || !Pkce.IsWellFormedChallenge(challenge))
            return Fail("auth.authRequest.codeChallenge", "codeChallenge must be 43 base64url characters.");
        if (JsonText.Of(request, "codeChallengeMethod") != "S256")
            return Fail("auth.authRequest.codeChallengeMethod", "codeChallengeMethod must be S256.");
        if (JsonText.Of(request, "responseType") != "code")
            return Fail("auth.authRequest.responseType", "responseType must be code.");

        ResponseMode? mode = (JsonText.Of(request, "responseMode") ?? "fragment") switch
        {
            "fragment" => ResponseMode.Fragment,
            "query" => ResponseMode.Query,
            "web_message" => ResponseMode.WebMessage,
            _ => null,
        };
        if (mode is null)
            return Fail("auth.authRequest.responseMode", "responseMode must be fragment, query or web_message.");

        Prompt? prompt = (JsonText.Of(auth, "prompt") ?? "login") switch
        {
            "login" => Prompt.Login,
            "none" => Prompt.None,
            _ => null,
        };
        if (prompt is null) return Fail("auth.prompt", "prompt must be login or none.");

        var state = JsonText.Of(request, "state");
        if (state is null && request.ContainsKey("state"))
            return Fail("auth.authRequest.state", "state must be a string.");

        var (sessionToken, idp, memberError) = MemberAuthorize.ParseFields(request, mode.Value, prompt.Value, memberAuth);
        if (memberError is not null) return ParseOutcome.Fail(memberError);
        return ParseOutcome.Ok(new AuthRequest(clientId, redirectUri, challenge, mode.Value, state, prompt.Value, sessionToken, idp));
    }

    private static ParseOutcome Fail(string field, string description) =>
        ParseOutcome.Fail(WixError.Validation(field, description));

    private static IResult Application(string code, string description) =>
        WixError.Application(StatusCodes.Status400BadRequest, code, description);
}

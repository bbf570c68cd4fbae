using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Conformance.CoreAdapter;

/// <summary>Wix as a scenario step scripts it: each call gets the step's next answer, in order, and is recorded as scenarios.md names calls.</summary>
internal sealed class ScriptedWix(JsonArray answers)
{
    private int next;

    /// <summary>The calls made, in the file's terms: <c>kind</c> and the fields a step may name.</summary>
    public List<JsonNode?> Calls { get; } = [];

    public Either<WixError, TokenResponse> Tokens(WixRequest request) =>
        Next(request).Map(a => a["tokens"] is { } t
            ? new TokenResponse(Json.Str(t, "access_token").AsSecret(), Json.OptStr(t, "refresh_token").Map(r => r.AsSecret()), t["expires_in"]!.GetValue<long>())
            : throw new FormatException($"A token call was answered with {a.ToJsonString()}."));

    public Either<WixError, string> Session(WixRequest request) => Next(request).Map(a => Json.Str(a, "url"));

    private Either<WixError, JsonNode> Next(WixRequest request)
    {
        Calls.Add(Call(request));
        var answer = next < answers.Count ? answers[next++]! : throw new FormatException($"No scripted answer for the call {request.GetType().Name}.");
        return answer["error"] is { } e
            ? new WixError(Json.Str(e, "code"), None, Optional(e["httpStatus"]?.GetValue<int>()), None)
            : Right<WixError, JsonNode>(answer);
    }

    private static JsonObject Call(WixRequest request) => request switch
    {
        WixRequest.AnonymousGrant => new() { ["kind"] = "anonymous" },
        WixRequest.AuthorizationCodeGrant g => new() { ["kind"] = "authorization_code", ["code"] = g.Code.Reveal(), ["codeVerifier"] = g.CodeVerifier.Reveal(), ["redirectUri"] = g.RedirectUri },
        WixRequest.RefreshTokenGrant g => new() { ["kind"] = "refresh_token", ["refreshToken"] = g.RefreshToken.Reveal() },
        WixRequest.LoginSession s => new()
        {
            ["kind"] = "login", ["authorization"] = s.AccessToken.Reveal(), ["redirectUri"] = s.AuthRequest.RedirectUri, ["codeChallenge"] = s.AuthRequest.CodeChallenge,
            ["responseMode"] = s.AuthRequest.ResponseMode, ["state"] = s.AuthRequest.State, ["prompt"] = s.Prompt,
        },
        WixRequest.LogoutSession s => new() { ["kind"] = "logout", ["authorization"] = s.AccessToken.Reveal(), ["postFlowUrl"] = s.PostFlowUrl },
        _ => new() { ["kind"] = request.GetType().Name },
    };
}

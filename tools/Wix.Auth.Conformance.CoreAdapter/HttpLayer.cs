using System.Text.Json.Nodes;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.SpecGen.Outputs;

namespace Wix.Auth.Conformance.CoreAdapter;

/// <summary><c>HttpRequest</c> and <c>HttpResponse</c>: this library's HTTP layer over a recording handler (<see cref="HttpVectors"/>).</summary>
internal static class HttpLayer
{
    /// <summary>The request as it leaves for <paramref name="baseUrl"/>: method, URL, the three headers, the body text.</summary>
    public static JsonObject Request(string baseUrl, JsonNode request)
    {
        var sent = HttpVectors.Send(WixRequestOf(request), baseUrl);
        return new JsonObject { ["method"] = sent["method"]!.DeepClone(), ["url"] = sent["url"]!.DeepClone(), ["headers"] = sent["headers"]!.DeepClone(), ["body"] = sent["body"]!.DeepClone() };
    }

    /// <summary>What the layer reads from Wix's answer to a refresh (<c>tokens</c>) or a logout session (<c>redirectSession</c>).</summary>
    public static JsonObject Response(JsonNode args) => HttpVectors.Read(new HttpVectors.ResponseCase(
        "", Json.Str(args, "call"), args["status"]!.GetValue<int>(), Json.OptStr(args, "requestId").MatchUnsafe(r => r, () => null), Json.Str(args, "body")));

    // A request from its JSON (schema.md, "request"): the path and the body's members tell the kind.
    private static WixRequest WixRequestOf(JsonNode json)
    {
        var body = json["body"]!;
        Secret Token() => new(Json.Str(json, "authorization"));
        return (Json.Str(json, "path"), body["grantType"]?.GetValue<string>()) switch
        {
            (WireNames.TokenPath, "anonymous") => new WixRequest.AnonymousGrant(Json.Str(body, "clientId")),
            (WireNames.TokenPath, "authorization_code") => new WixRequest.AuthorizationCodeGrant(Json.Str(body, "clientId"),
                Json.Str(body, "redirectUri"), new Secret(Json.Str(body, "code")), new Secret(Json.Str(body, "codeVerifier"))),
            (WireNames.TokenPath, "refresh_token") => new WixRequest.RefreshTokenGrant(Json.Str(body, "clientId"), new Secret(Json.Str(body, "refreshToken"))),
            (_, null) when body["auth"] is { } auth => new WixRequest.LoginSession(Token(), AuthRequest(auth["authRequest"]!), Json.Str(auth, "prompt")),
            (_, null) when body["logout"] is { } logout => new WixRequest.LogoutSession(Token(), Json.Str(logout, "clientId"), Json.Str(body["callbacks"]!, "postFlowUrl")),
            var other => throw new FormatException($"Unknown request {other}."),
        };
    }

    private static AuthRequest AuthRequest(JsonNode a) => new(
        Json.Str(a, "redirectUri"), Json.Str(a, "clientId"), Json.Str(a, "codeChallenge"), Json.Str(a, "codeChallengeMethod"),
        Json.Str(a, "responseMode"), Json.Str(a, "responseType"), Json.Str(a, "scope"), Json.Str(a, "state"))
    {
        SessionToken = Json.OptStr(a, "sessionToken").Map(t => new Secret(t)),
        Idp = Json.OptStr(a, "idp").Map(i => new IdentityProvider(i)),
    };
}

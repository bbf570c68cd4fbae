using System.Net;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.SpecGen.Outputs;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// http.json replayed through the HTTP layer as a port would use it: each request, read back from its documented JSON,
/// goes out byte for byte as the vector shows; each answer of Wix is read into the tokens, URL or classified error shown.
/// </summary>
public sealed class HttpReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("http.json");

    [Fact]
    public async Task Each_request_goes_out_exactly_as_the_vector_shows()
    {
        foreach (var vector in File["requests"]!.AsArray())
        {
            var request = Request(vector!["request"]!);
            var recorder = new HttpVectors.Recorder(HttpStatusCode.OK, """{"access_token":"x","expires_in":1,"redirectSession":{"fullUrl":"https://x.example/"}}""", null);
            var api = HttpVectors.Api(recorder);
            if (request.Path == WireNames.TokenPath) await api.RequestTokensAsync(request, CancellationToken.None);
            else await api.CreateRedirectSessionAsync(request, CancellationToken.None);

            var (http, sent, name) = (vector["http"]!, recorder.Sent!, VectorReader.Str(vector, "name"));
            Assert.True(VectorReader.Str(http, "body") == sent.Body, $"{name}: body {sent.Body}");
            Assert.Equal((VectorReader.Str(http, "method"), VectorReader.Str(http, "url")), (sent.Method, sent.Url));
            var headers = http["headers"]!;
            Assert.Equal(
                (headers["Content-Type"]?.GetValue<string>(), headers["Authorization"]?.GetValue<string>(), headers["x-wix-bi-gateway"]?.GetValue<string>()),
                (sent.ContentType, sent.Authorization, sent.Gateway));
        }
    }

    [Fact]
    public void This_librarys_gateway_header_is_one_a_port_may_send()
    {
        // The exact header above is ours; gateway is what any port must match. Ours must be one such header, or the two
        // halves of the vector disagree: the parts in gateway's order, our own names, and its fixed values exactly.
        foreach (var vector in File["requests"]!.AsArray())
        {
            var http = vector!["http"]!;
            var parts = VectorReader.Str(http["headers"]!, "x-wix-bi-gateway").Split(',').Select(p => p.Split('=', 2)).ToList();
            var gateway = http["gateway"]!.AsObject();
            Assert.Equal(gateway.Select(p => p.Key), parts.Select(p => p[0]));
            Assert.Equal(HttpVectors.OwnGatewayParts, gateway.Where(p => p.Value is null).Select(p => p.Key));
            Assert.Equal(gateway.Select(p => p.Value?.GetValue<string>()), parts.Select(p => HttpVectors.OwnGatewayParts.Contains(p[0]) ? null : p[1]));
            Assert.Equal(["dotnet-sdk", "Wix.Auth"], parts.Take(2).Select(p => p[1]));
        }
    }

    [Fact]
    public async Task Each_answer_is_read_and_classed_as_the_vector_shows()
    {
        foreach (var vector in File["responses"]!.AsArray())
        {
            var recorder = new HttpVectors.Recorder((HttpStatusCode)vector!["status"]!.GetValue<int>(), VectorReader.Str(vector, "body"), vector["requestId"]?.GetValue<string>());
            var api = HttpVectors.Api(recorder);
            var actual = VectorReader.Str(vector, "call") == "tokens"
                ? (await api.RequestTokensAsync(new WixRequest.RefreshTokenGrant("cid-1", new Secret("RT-1")), CancellationToken.None))
                    .Match(t => new JsonObject { ["ok"] = HttpVectors.Tokens(t) }, e => new JsonObject { ["error"] = HttpVectors.Error(e) })
                : (await api.CreateRedirectSessionAsync(new WixRequest.LogoutSession(new Secret("AT-1"), "cid-1", "https://shop.example/"), CancellationToken.None))
                    .Match(url => new JsonObject { ["ok"] = new JsonObject { ["url"] = url } }, e => new JsonObject { ["error"] = HttpVectors.Error(e) });
            Assert.True(JsonNode.DeepEquals(vector["expect"], actual), $"{VectorReader.Str(vector, "name")}: {actual.ToJsonString()}");
        }
    }

    [Fact]
    public void The_classes_of_failure_are_the_documented_ones()
    {
        // A port reads this table, not our code: a 4XX but 408 and 429 is definitive; 408, 429, 5XX and a bad 200 are not.
        foreach (var vector in File["responses"]!.AsArray().Where(v => v!["expect"]!["error"] is not null))
        {
            var status = vector!["status"]!.GetValue<int>();
            var definitive = vector["expect"]!["error"]!["definitive"]!.GetValue<bool>();
            Assert.Equal(status is >= 400 and < 500 and not 408 and not 429, definitive);
        }
    }

    // A request from its documented JSON: the path and the body's fields tell the kind.
    private static WixRequest Request(JsonNode json)
    {
        var body = json["body"]!;
        Secret Token() => new(VectorReader.Str(json, "authorization"));
        return (VectorReader.Str(json, "path"), body["grantType"]?.GetValue<string>()) switch
        {
            ("/oauth2/token", "anonymous") => new WixRequest.AnonymousGrant(VectorReader.Str(body, "clientId")),
            ("/oauth2/token", "authorization_code") => new WixRequest.AuthorizationCodeGrant(VectorReader.Str(body, "clientId"),
                VectorReader.Str(body, "redirectUri"), new Secret(VectorReader.Str(body, "code")), new Secret(VectorReader.Str(body, "codeVerifier"))),
            ("/oauth2/token", "refresh_token") => new WixRequest.RefreshTokenGrant(VectorReader.Str(body, "clientId"), new Secret(VectorReader.Str(body, "refreshToken"))),
            ("/_api/redirects-api/v1/redirect-session", null) when body["auth"] is { } auth => new WixRequest.LoginSession(Token(), AuthRequest(auth["authRequest"]!), VectorReader.Str(auth, "prompt")),
            ("/_api/redirects-api/v1/redirect-session", null) => new WixRequest.LogoutSession(Token(), VectorReader.Str(body["logout"]!, "clientId"), VectorReader.Str(body["callbacks"]!, "postFlowUrl")),
            var other => throw new FormatException($"Unknown request {other}."),
        };
    }

    private static AuthRequest AuthRequest(JsonNode a) => new(
        VectorReader.Str(a, "redirectUri"), VectorReader.Str(a, "clientId"), VectorReader.Str(a, "codeChallenge"), VectorReader.Str(a, "codeChallengeMethod"),
        VectorReader.Str(a, "responseMode"), VectorReader.Str(a, "responseType"), VectorReader.Str(a, "scope"), VectorReader.Str(a, "state"))
    {
        SessionToken = VectorReader.OptStr(a, "sessionToken").Map(t => new Secret(t)),
        Idp = VectorReader.OptStr(a, "idp").Map(i => new IdentityProvider(i)),
    };
}

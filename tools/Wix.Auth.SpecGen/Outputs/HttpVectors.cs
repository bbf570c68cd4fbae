using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LanguageExt;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;
using Wix.Auth.SpecGen.Json;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/http.json</c>: the HTTP layer on its own, through <see cref="WixHttpApi"/> over a recording handler.
/// Each request kind with plain values and with every character JSON escapes (the exact bytes of the body), and Wix's
/// answers, well-formed and not, read into tokens, a login URL or a classified <see cref="WixError"/>.
/// </summary>
public static class HttpVectors
{
    /// <summary>The base URL the vectors' requests go to.</summary>
    public const string BaseUrl = "https://www.wixapis.com";

    /// <summary>
    /// Characters the wire escapes, or may: JSON's own (every C0 control with a short escape among them), HTML-sensitive
    /// ones, non-ASCII in and beyond the BMP. wire.md's escaping table shows each.
    /// </summary>
    public const string Awkward = "a+b&c<d>e'f\"g\\h/i\u0001j\u007fk\u00e9l\u20acm\U0001F600n`o\no\tp\bq\fr\rs";

    /// <summary>The file's text.</summary>
    public static string Json() => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["baseUrl"] = BaseUrl,
        ["requests"] = SpecJson.Array(Requests().Select(r => (JsonNode?)new JsonObject
        {
            ["name"] = r.Name,
            ["request"] = CoreJson.Request(r.Request),
            ["http"] = Send(r.Request, BaseUrl),
        })),
        ["responses"] = SpecJson.Array(Responses().Select(r => (JsonNode?)new JsonObject
        {
            ["name"] = r.Name,
            ["call"] = r.Call,
            ["status"] = r.Status,
            ["requestId"] = r.RequestId,
            ["body"] = r.Body,
            ["expect"] = Read(r),
        })),
    });

    /// <summary>One request to send.</summary>
    public sealed record RequestCase(string Name, WixRequest Request);

    /// <summary>One answer of Wix to read: <c>tokens</c> (the token endpoint) or <c>redirectSession</c>.</summary>
    public sealed record ResponseCase(string Name, string Call, int Status, string? RequestId, string Body);

    /// <summary>Every request kind, plain and awkward.</summary>
    public static IEnumerable<RequestCase> Requests()
    {
        var auth = new AuthRequest("http://localhost:3000/callback", "cid-1", "6hV6Bm_KuZPbqN4V4tJkjBAgxiPyBvqKezzRI51AXJ8", "S256",
            "fragment", "code", "offline_access", "z6gltxLzOp1XHkrl_DxvriEjA6p02FC61RLysp3_3CY");
        yield return new("visitor tokens", new WixRequest.AnonymousGrant("cid-1"));
        yield return new("code exchange", new WixRequest.AuthorizationCodeGrant("cid-1", "http://localhost:3000/callback", new("CODE-1"), new("ImC.0CJrgXpPQRB6eV7wK1NK4XIRNMaZO-2cdL0-WRq")));
        yield return new("refresh", new WixRequest.RefreshTokenGrant("cid-1", new("RT-1")));
        yield return new("login session", new WixRequest.LoginSession(new("AT-1"), auth, "login"));
        yield return new("silent login session in query mode", new WixRequest.LoginSession(new("AT-1"), auth with { ResponseMode = "query" }, "none"));
        yield return new("login session with the site's own form's session token", new WixRequest.LoginSession(new("AT-1"), auth with { SessionToken = Prelude.Some(new Secret("ST-1")) }, "none"));
        yield return new("social login session", new WixRequest.LoginSession(new("AT-1"), auth with { Idp = Prelude.Some(IdentityProvider.Google) }, "login"));
        yield return new("logout session", new WixRequest.LogoutSession(new("AT-2"), "cid-1", "http://localhost:3000/bye"));
        yield return new("visitor tokens, awkward client ID", new WixRequest.AnonymousGrant(Awkward));
        yield return new("code exchange, awkward values", new WixRequest.AuthorizationCodeGrant(Awkward, "com.example.app:/cb?x=<1>&y='2'", new(Awkward), new(Awkward)));
        yield return new("refresh, awkward token", new WixRequest.RefreshTokenGrant(Awkward, new(Awkward)));
        yield return new("login session, awkward values", new WixRequest.LoginSession(new(Awkward),
            new AuthRequest("https://bücher.example/cb?a=1&b=2", Awkward, Awkward, "S256", "query", "code", "offline_access", Awkward), "none"));
        yield return new("logout session, awkward URL", new WixRequest.LogoutSession(new(Awkward), Awkward, "https://shop.example/bye?x=1&y='€'#top"));
    }

    /// <summary>Answers of both endpoints: the documented shapes, the edges of what is accepted, and each class of failure.</summary>
    public static IEnumerable<ResponseCase> Responses()
    {
        const string id = "req-1";
        ResponseCase Tokens(string name, int status, string body) => new(name, "tokens", status, id, body);
        ResponseCase Session(string name, int status, string body) => new(name, "redirectSession", status, id, body);

        yield return Tokens("tokens", 200, """{"access_token":"AT-1","refresh_token":"RT-1","expires_in":14400,"token_type":"Bearer"}""");
        yield return Tokens("refresh_token null", 200, """{"access_token":"AT-2","refresh_token":null,"expires_in":14400,"token_type":"Bearer"}""");
        yield return Tokens("refresh_token empty", 200, """{"access_token":"AT-2","refresh_token":"","expires_in":14400}""");
        yield return Tokens("refresh_token absent", 200, """{"access_token":"AT-2","expires_in":14400}""");
        yield return Tokens("expires_in 1", 200, """{"access_token":"AT-3","refresh_token":"RT-3","expires_in":1}""");
        yield return Tokens("unknown fields are ignored", 200, """{"scope":"offline_access","access_token":"AT-4","expires_in":60,"extra":{"a":[1]}}""");
        yield return Tokens("expires_in 0", 200, """{"access_token":"AT-1","refresh_token":"RT-1","expires_in":0}""");
        yield return Tokens("expires_in negative", 200, """{"access_token":"AT-1","expires_in":-5}""");
        yield return Tokens("expires_in absent", 200, """{"access_token":"AT-1","refresh_token":"RT-1"}""");
        yield return Tokens("expires_in a string", 200, """{"access_token":"AT-1","expires_in":"14400"}""");
        yield return Tokens("access_token empty", 200, """{"access_token":"","expires_in":14400}""");
        yield return Tokens("access_token absent", 200, """{"refresh_token":"RT-1","expires_in":14400}""");
        yield return Tokens("not JSON", 200, "<html>ok</html>");
        yield return Tokens("empty body", 200, "");
        yield return Tokens("truncated JSON", 200, """{"access_token":"AT-1","expi""");
        yield return Tokens("RFC 6749 error: invalid_grant", 400, """{"error":"invalid_grant","error_description":"The refresh token was revoked."}""");
        yield return Tokens("RFC 6749 error: invalid_client", 401, """{"error":"invalid_client"}""");
        yield return Tokens("Wix error: application error", 403, """{"message":"Forbidden","details":{"applicationError":{"code":"FORBIDDEN","description":"Not allowed."}}}""");
        yield return Tokens("Wix error: application error without description", 404, """{"message":"Not found","details":{"applicationError":{"code":"NOT_FOUND"}}}""");
        yield return Tokens("Wix error: validation error", 400, """{"message":"Bad","details":{"validationError":{"fieldViolations":[{"field":"clientId","description":"required"},{"field":"grantType","description":"unknown"}]}}}""");
        yield return Tokens("Wix error: message only", 400, """{"message":"Bad request"}""");
        yield return Tokens("4XX without a body", 400, "");
        yield return Tokens("499", 499, "");
        yield return Tokens("408", 408, "");
        yield return Tokens("429 with a message", 429, """{"message":"Too many requests"}""");
        yield return Tokens("500 with an application error", 500, """{"message":"boom","details":{"applicationError":{"code":"INTERNAL","description":"Try later."}}}""");
        yield return Tokens("502 HTML", 502, "<html>Bad gateway</html>");
        yield return Tokens("503", 503, "");
        yield return Tokens("201 is not 200", 201, """{"access_token":"AT-1","expires_in":14400}""");
        yield return new("no x-wix-request-id", "tokens", 400, null, """{"error":"invalid_grant"}""");
        yield return Session("login URL", 200, """{"redirectSession":{"id":"rs-1","fullUrl":"https://site.example/_api/oauth2/authorize?rs=1","urlDetails":{"endpoint":"https://site.example/_api/oauth2/authorize","searchParams":{}},"sessionToken":null,"shortUrl":"https://wix.to/x"}}""");
        yield return Session("fullUrl only", 200, """{"redirectSession":{"fullUrl":"https://site.example/_api/oauth2/authorize?rs=2"}}""");
        yield return Session("fullUrl relative", 200, """{"redirectSession":{"fullUrl":"/_api/oauth2/authorize?rs=3"}}""");
        yield return Session("fullUrl empty", 200, """{"redirectSession":{"fullUrl":""}}""");
        yield return Session("no redirectSession", 200, """{"id":"rs-1"}""");
        yield return Session("unauthenticated", 401, """{"message":"Unauthenticated","details":{"applicationError":{"code":"UNAUTHENTICATED","description":"No valid access token."}}}""");
        yield return Session("invalid redirect URI", 400, """{"message":"Bad","details":{"applicationError":{"code":"INVALID_REDIRECT_URI","description":"Not allowed."}}}""");
        yield return Session("503", 503, "");
    }

    /// <summary>
    /// The exact request <see cref="WixHttpApi"/> sends to <paramref name="baseUrl"/>: method, URL, the headers of
    /// docs/protocol.md, the gateway header's parts (<c>gateway</c>), the body as text. Also the C# conformance adapter's
    /// <c>HttpRequest</c>, so the HTTP layer is driven from one place.
    /// </summary>
    public static JsonObject Send(WixRequest request, string baseUrl)
    {
        var handler = new Recorder(HttpStatusCode.OK, """{"access_token":"x","expires_in":1,"redirectSession":{"fullUrl":"https://x.example/"}}""", null);
        _ = request.Path == WireNames.TokenPath
            ? Api(handler, baseUrl).RequestTokensAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult().IsSuccess
            : Api(handler, baseUrl).CreateRedirectSessionAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult().IsSuccess;
        return Json(handler.Sent!);
    }

    /// <summary>A recorded request as the vectors write it: method, URL, the three headers, the gateway's parts, the body.</summary>
    public static JsonObject Json(SentRequest sent) => new()
    {
        ["method"] = sent.Method,
        ["url"] = sent.Url,
        ["headers"] = new JsonObject
        {
            ["Content-Type"] = sent.ContentType,
            ["Authorization"] = sent.Authorization,
            ["x-wix-bi-gateway"] = sent.Gateway,
        },
        ["gateway"] = GatewayParts(sent.Gateway!),
        ["body"] = sent.Body,
    };

    /// <summary>The parts of <c>x-wix-bi-gateway</c> a port names itself (null in <c>gateway</c>); the rest are fixed.</summary>
    public static readonly IReadOnlyList<string> OwnGatewayParts = ["environment", "package-name"];

    // The header's name=value parts in order, with the values a port names itself left null: a port sends its own
    // environment and package name, and exactly these method-fqn and entity (wire.md, "Every request").
    private static JsonObject GatewayParts(string header) => new(header.Split(',').Select(part => part.Split('=', 2)).Select(p =>
        KeyValuePair.Create(p[0], OwnGatewayParts.Contains(p[0]) ? null : (JsonNode?)p[1])));

    /// <summary>
    /// What <see cref="WixHttpApi"/> reads from Wix's answer <paramref name="r"/> (to a refresh, or to a logout session):
    /// <c>{"ok": …}</c> or <c>{"error": wixError + definitive}</c>. Also the C# conformance adapter's <c>HttpResponse</c>.
    /// </summary>
    public static JsonObject Read(ResponseCase r)
    {
        var api = Api(new Recorder((HttpStatusCode)r.Status, r.Body, r.RequestId));
        var request = r.Call == "tokens" ? (WixRequest)new WixRequest.RefreshTokenGrant("cid-1", new("RT-1")) : new WixRequest.LogoutSession(new("AT-1"), "cid-1", "https://shop.example/");
        return r.Call == "tokens"
            ? api.RequestTokensAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult().Match(
                t => new JsonObject { ["ok"] = Tokens(t) }, e => new JsonObject { ["error"] = Error(e) })
            : api.CreateRedirectSessionAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult().Match(
                url => new JsonObject { ["ok"] = new JsonObject { ["url"] = url } }, e => new JsonObject { ["error"] = Error(e) });
    }

    /// <summary>A token answer as read: the wire's names.</summary>
    public static JsonObject Tokens(TokenResponse t) => new()
    {
        ["access_token"] = t.AccessToken.Reveal(),
        ["refresh_token"] = t.RefreshToken.MatchUnsafe(r => (JsonNode?)r.Reveal(), () => null),
        ["expires_in"] = t.ExpiresIn,
    };

    /// <summary>A failed call as the port reports it: always Wix's error, as a <see cref="AuthError.RemoteCallFailed"/>.</summary>
    public static JsonObject Error(AuthError e) => Error(((AuthError.RemoteCallFailed)e).Error);

    /// <summary>A failure as read, with its class: definitive (a refused refresh) or not (an unavailable one).</summary>
    public static JsonObject Error(WixError e) => new()
    {
        ["code"] = e.Code,
        ["description"] = e.Description.MatchUnsafe(d => (JsonNode?)d, () => null),
        ["httpStatus"] = e.HttpStatus.MatchUnsafe(s => (JsonNode?)s, () => null),
        ["requestId"] = e.RequestId.MatchUnsafe(i => (JsonNode?)i, () => null),
        ["definitive"] = e.IsDefinitive,
    };

    /// <summary>A <see cref="WixHttpApi"/> at <see cref="BaseUrl"/> over <paramref name="handler"/>, with no retries: one request, one answer.</summary>
    public static WixHttpApi Api(HttpMessageHandler handler) => Api(handler, BaseUrl);

    /// <summary>A <see cref="WixHttpApi"/> at <paramref name="baseUrl"/> over <paramref name="handler"/>, with no retries.</summary>
    public static WixHttpApi Api(HttpMessageHandler handler, string baseUrl) =>
        new(new HttpClient(handler), new WixAuthOptions { ClientId = "cid-1", ApiBaseUrl = new Uri(baseUrl), MaxRetries = 0 }, NullLogger<WixHttpApi>.Instance);

    /// <summary>What a request looked like on the wire.</summary>
    public sealed record SentRequest(string Method, string Url, string? ContentType, string? Authorization, string? Gateway, string Body);

    /// <summary>Answers every request with one canned response and keeps the last request as sent.</summary>
    public sealed class Recorder(HttpStatusCode status, string body, string? requestId) : HttpMessageHandler
    {
        /// <summary>The last request.</summary>
        public SentRequest? Sent { get; private set; }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent = new(request.Method.Method, request.RequestUri!.ToString(), request.Content?.Headers.ContentType?.ToString(),
                request.Headers.TryGetValues("Authorization", out var a) ? a.Single() : null,
                request.Headers.TryGetValues("x-wix-bi-gateway", out var g) ? g.Single() : null,
                request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken)));
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            if (requestId is not null) response.Headers.Add("x-wix-request-id", requestId);
            return response;
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;
using LanguageExt;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;
using Wix.Auth.SpecGen.Forms;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/member-wire.json</c>: member authentication on the wire, through <see cref="MemberAuthHttpApi"/> over a
/// recording handler. Each request kind as it leaves (method, URL, headers, body byte for byte), and each kind of
/// Wix's answer: what the HTTP layer reads (a reply, or a failure with Wix's code and the field violation) and what it
/// means to the core (<see cref="MemberAnswers"/>, <see cref="ExternalLogin.FromFailure"/>).
/// </summary>
public static class MemberWireVectors
{
    /// <summary>The file's text.</summary>
    public static string Json() => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["baseUrl"] = HttpVectors.BaseUrl,
        ["requests"] = SpecJson.Array(Requests().Select(r => (JsonNode?)new JsonObject
        {
            ["name"] = r.Name,
            ["request"] = FormsJson.Request(r.Request),
            ["http"] = Send(r.Request, HttpVectors.BaseUrl),
        })),
        ["responses"] = SpecJson.Array(Responses().Select(r => (JsonNode?)new JsonObject
        {
            ["name"] = r.Name,
            ["call"] = r.Call,
            ["transportFailure"] = r.TransportFailure,
            ["status"] = r.Status,
            ["requestId"] = r.RequestId,
            ["body"] = r.Body,
            ["expect"] = Read(r),
        })),
    });

    /// <summary>One answer of Wix to <paramref name="Call"/>; with <paramref name="TransportFailure"/>, none arrived.</summary>
    public sealed record ResponseCase(string Name, string Call, bool TransportFailure, int? Status, string? RequestId, string? Body);

    /// <summary>The calls an answer may belong to, by the name the file uses.</summary>
    public static readonly IReadOnlyList<string> Calls = ["login", "register", "verify", "recover", "sendRecoveryEmail", "signOn", "externalLogin", "tokenInfo"];

    /// <summary>Every request kind: the forms' (with and without captcha, a profile and one with every kind of field) and external login's.</summary>
    public static IEnumerable<(string Name, MemberAuthRequest Request)> Requests()
    {
        var access = new Secret("visitor-access-1");
        var key = new Secret("api-key-1");
        var profile = new MemberProfile
        {
            FirstName = "Ada", LastName = "Lovelace", Nickname = "ada", Language = "en", PrivacyStatus = "PUBLIC", Labels = ["vip"],
            Phones = [new TaggedPhone("+44 20 7946 0000", "MOBILE")],
            CustomFields = [new CustomField("favourite", new CustomFieldValue.Text("<tea & \"cake\">")), new CustomField("visits", new CustomFieldValue.Number(3))],
        };
        yield return ("login", new MemberAuthRequest.Login(access, "member@example.com", new("pass-1"), None));
        yield return ("login with captcha", new MemberAuthRequest.Login(access, "member@example.com", new("pass-1"), Some(new CaptchaTokens(new("recaptcha-1")))));
        yield return ("login with an invisible captcha", new MemberAuthRequest.Login(access, "member@example.com", new("pass-1"), Some(new CaptchaTokens(null, new("invisible-1")))));
        yield return ("login, awkward password", new MemberAuthRequest.Login(access, "mémber+1@example.com", new(HttpVectors.Awkward), None));
        yield return ("register", new MemberAuthRequest.Register(access, "member@example.com", new("pass-1"), None, None));
        yield return ("register with a profile and captcha", new MemberAuthRequest.Register(access, "member@example.com", new("pass-1"), Some(profile), Some(new CaptchaTokens(new("recaptcha-1")))));
        yield return ("register with addresses, secondary emails and dates", new MemberAuthRequest.Register(access, "member@example.com", new("pass-1"), Some(FormFixtures.WholeProfile), None));
        yield return ("verify", new MemberAuthRequest.Verify(access, new("123456"), new("state-token-1")));
        yield return ("send recovery email", new MemberAuthRequest.SendRecoveryEmail(access, "member@example.com", "https://shop.example/reset?from=mail&x=1", "spec-client-id"));
        yield return ("recover", new MemberAuthRequest.Recover(access, new("recovery-token-1"), new("new-pass-1")));
        yield return ("sign on", new MemberAuthRequest.SignOn(access, key, "member@example.com", None, None, None));
        yield return ("sign on with a profile and both flags", new MemberAuthRequest.SignOn(access, key, "member@example.com", Some(profile), Some(true), Some(false)));
        yield return ("sign on with addresses, secondary emails and dates", new MemberAuthRequest.SignOn(access, key, "member@example.com", Some(FormFixtures.WholeProfile), None, None));
        yield return ("external login with a held token", new MemberAuthRequest.ExternalLogin(Some(access), key, "member-1"));
        yield return ("external login without a token", new MemberAuthRequest.ExternalLogin(None, key, "member-1"));
        yield return ("external login with Sign On's session token", new MemberAuthRequest.ExternalLoginWithSession(access, key, "member-1", new("session-token-1")));
        yield return ("token info", new MemberAuthRequest.TokenInfo(new("member-access-1")));
    }

    /// <summary>Each login state, each shape of Wix's errors the reader maps, and the failures of the transport and the body.</summary>
    public static IEnumerable<ResponseCase> Responses()
    {
        const string id = "req-1";
        const string identity = "\"identity\":{\"id\":\"member-1\",\"contactId\":\"contact-1\",\"email\":{\"address\":\"member@example.com\",\"isVerified\":true}}";
        ResponseCase Answer(string name, string call, int status, string body) => new(name, call, false, status, id, body);
        // Wix's envelope with an application code, a string or a number as Wix sends either.
        static string App(object code, string description) =>
            "{\"message\":\"" + description + "\",\"details\":{\"applicationError\":{\"code\":" + (code is string s ? "\"" + s + "\"" : code.ToString())
            + ",\"description\":\"" + description + "\"}}}";
        static string Violation(string field, string rule, string? type) =>
            "{\"message\":\"Bad\",\"details\":{\"validationError\":{\"fieldViolations\":[{\"field\":\"" + field + "\",\"description\":\"" + field
            + " refused\",\"violatedRule\":\"" + rule + "\"" + (type is null ? "" : ",\"data\":{\"type\":\"" + type + "\"}") + "}]}}}";

        yield return Answer("SUCCESS", "login", 200, $$"""{"state":"SUCCESS","sessionToken":"session-token-1",{{identity}}}""");
        yield return Answer("SUCCESS without a session token", "login", 200, """{"state":"SUCCESS"}""");
        yield return Answer("REQUIRE_EMAIL_VERIFICATION", "register", 200, $$"""{"state":"REQUIRE_EMAIL_VERIFICATION","stateToken":"state-token-1",{{identity}}}""");
        yield return Answer("REQUIRE_EMAIL_VERIFICATION without a state token", "register", 200, """{"state":"REQUIRE_EMAIL_VERIFICATION"}""");
        yield return Answer("REQUIRE_OWNER_APPROVAL", "register", 200, $$"""{"state":"REQUIRE_OWNER_APPROVAL",{{identity}}}""");
        yield return Answer("REQUIRE_MFA (not supported)", "login", 200, """{"state":"REQUIRE_MFA","stateToken":"state-token-2"}""");
        yield return Answer("SUCCESS after the code", "verify", 200, $$"""{"state":"SUCCESS","sessionToken":"session-token-1",{{identity}}}""");
        yield return Answer("SUCCESS after a new password", "recover", 200, """{"state":"SUCCESS","sessionToken":"session-token-2"}""");
        yield return Answer("no state", "login", 200, """{"sessionToken":"session-token-1"}""");
        yield return Answer("identity without an ID", "login", 200, """{"state":"SUCCESS","sessionToken":"session-token-1","identity":{"email":{"address":"member@example.com"}}}""");
        yield return Answer("malformed JSON", "login", 200, """{"state":"SUCC""");
        yield return Answer("empty body", "login", 200, "");
        yield return Answer("-19976 wrong password, numeric code", "login", 400, App(-19976, "Wrong password"));
        yield return Answer("-19976 on register: the password is refused", "register", 400, App("-19976", "Password too weak"));
        yield return Answer("-19999 member not found", "login", 404, App("-19999", "No such member"));
        yield return Answer("-19999 on the reset mail", "sendRecoveryEmail", 404, App(-19999, "No such member"));
        yield return Answer("-19995 email already exists", "register", 409, App("-19995", "Email exists"));
        yield return Answer("-19973 password reset required", "login", 400, App("-19973", "Reset first"));
        yield return Answer("-19971 captcha required", "login", 400, App(-19971, "Captcha required"));
        yield return Answer("CAPTCHA_TOKEN_REQUIRED", "register", 400, App("CAPTCHA_TOKEN_REQUIRED", "Captcha required"));
        yield return Answer("-19970 captcha invalid", "login", 400, App("-19970", "Captcha invalid"));
        yield return Answer("VERIFICATION_FAILED wrong code", "verify", 400, App("VERIFICATION_FAILED", "Wrong code"));
        yield return Answer("INVALID_STATE_TOKEN expired verification", "verify", 400, App("INVALID_STATE_TOKEN", "Expired"));
        yield return Answer("INVALID_RECOVERY_TOKEN expired reset", "recover", 400, App("INVALID_RECOVERY_TOKEN", "Expired"));
        yield return Answer("validation error: email", "login", 400, Violation("loginId.email", "FORMAT", "EMAIL"));
        yield return Answer("validation error: password on register", "register", 400, Violation("password", "MIN_LENGTH", null));
        yield return Answer("validation error: password on login", "login", 400, Violation("password", "REQUIRED", null));
        yield return Answer("validation error: other field", "register", 400, Violation("profile.nickname", "MAX_LENGTH", null));
        // Every name Wix gives a refusal maps on its own: each is a vector, so a port that knows only one of them fails.
        yield return Answer("INVALID_CAPTCHA_TOKEN captcha invalid", "login", 400, App("INVALID_CAPTCHA_TOKEN", "Captcha invalid"));
        yield return Answer("INVALID_CAPTCHA captcha invalid", "register", 400, App("INVALID_CAPTCHA", "Captcha invalid"));
        yield return Answer("DUPLICATE_EMAIL email already exists", "register", 409, App("DUPLICATE_EMAIL", "Email exists"));
        yield return Answer("EMAIL_ALREADY_EXISTS email already exists", "register", 409, App("EMAIL_ALREADY_EXISTS", "Email exists"));
        yield return Answer("IDENTITY_NOT_FOUND member not found", "login", 404, App("IDENTITY_NOT_FOUND", "No such member"));
        yield return Answer("MEMBER_NOT_FOUND member not found", "login", 404, App("MEMBER_NOT_FOUND", "No such member"));
        yield return Answer("PERMISSION_DENIED on a form's call", "login", 403, App("PERMISSION_DENIED", "No permission"));
        // What a refusal that leaves out its details means: the defaults are part of the error a host shows.
        yield return Answer("-19976 on register without a description", "register", 400, """{"details":{"applicationError":{"code":"-19976"}}}""");
        yield return Answer("validation error: password on register without a rule", "register", 400,
            """{"message":"Bad","details":{"validationError":{"fieldViolations":[{"field":"password"}]}}}""");
        yield return Answer("validation error without a field or a rule", "register", 400,
            """{"message":"Bad","details":{"validationError":{"fieldViolations":[{"description":"refused"}]}}}""");
        yield return Answer("unknown application code", "login", 400, App("SOMETHING_NEW", "New"));
        yield return Answer("401 without a body", "login", 401, "");
        yield return Answer("403 message only", "recover", 403, """{"message":"Forbidden"}""");
        yield return Answer("503 HTML", "login", 503, "<html>down</html>");
        yield return Answer("reset mail sent", "sendRecoveryEmail", 200, "{}");
        yield return Answer("Sign On", "signOn", 200, $$"""{"sessionToken":"session-token-1",{{identity}}}""");
        yield return Answer("Sign On without an identity", "signOn", 200, """{"sessionToken":"session-token-1"}""");
        yield return Answer("Sign On: key without permission (403)", "signOn", 403, App("PERMISSION_DENIED", "No permission"));
        yield return Answer("Sign On: 401", "signOn", 401, """{"message":"Unauthenticated"}""");
        yield return Answer("external login granted", "externalLogin", 200, """{"access_token":"member-access-1","refresh_token":"member-refresh-1","expires_in":14400}""");
        yield return Answer("external login: key without permission (403)", "externalLogin", 403, App("PERMISSION_DENIED", "No permission"));
        yield return Answer("external login: unknown member", "externalLogin", 404, App("-19999", "No such member"));
        yield return Answer("external login: RFC 6749 error", "externalLogin", 400, """{"error":"invalid_grant","error_description":"Used session token."}""");
        yield return Answer("token info of a member", "tokenInfo", 200, """{"active":true,"subjectType":"MEMBER","subjectId":"member-1","exp":1767225600}""");
        yield return Answer("token info without active", "tokenInfo", 200, """{"subjectId":"member-1"}""");
        foreach (var call in Calls) yield return new($"transport failure ({call})", call, true, null, null, null);
    }

    /// <summary>
    /// The exact request <see cref="MemberAuthHttpApi"/> sends to <paramref name="baseUrl"/>: method, URL, the headers, the
    /// gateway header's parts (the port's own names null), the body as text. Also the C# adapter's <c>MemberHttpRequest</c>.
    /// </summary>
    public static JsonObject Send(MemberAuthRequest request, string baseUrl)
    {
        var handler = new HttpVectors.Recorder(HttpStatusCode.OK, "{}", null);
        var api = Api(handler, baseUrl);
        var ct = CancellationToken.None;
        _ = request switch
        {
            MemberAuthRequest.SendRecoveryEmail r => api.SendRecoveryEmailAsync(r, ct).AsTask().GetAwaiter().GetResult().IsSuccess,
            MemberAuthRequest.SignOn r => api.SignOnAsync(r, ct).AsTask().GetAwaiter().GetResult().IsSuccess,
            MemberAuthRequest.ExternalLogin or MemberAuthRequest.ExternalLoginWithSession => api.RequestTokensAsync(request, ct).AsTask().GetAwaiter().GetResult().IsSuccess,
            MemberAuthRequest.TokenInfo r => api.GetTokenInfoAsync(r, ct).AsTask().GetAwaiter().GetResult().IsSuccess,
            _ => api.SendForStateAsync(request, ct).AsTask().GetAwaiter().GetResult().IsSuccess,
        };
        return HttpVectors.Json(handler.Sent!);
    }

    /// <summary>
    /// What the HTTP layer reads from <paramref name="r"/> (<c>read</c>: <c>{"ok": reply}</c> or <c>{"error": failure}</c>),
    /// and what that means to the core (<c>means</c>). Also the C# adapter's <c>MemberHttpResponse</c>.
    /// </summary>
    public static JsonObject Read(ResponseCase r)
    {
        HttpMessageHandler handler = r.TransportFailure
            ? new UnreachableHandler()
            : new HttpVectors.Recorder((HttpStatusCode)r.Status!.Value, r.Body ?? "", r.RequestId);
        var api = Api(handler, HttpVectors.BaseUrl);
        var ct = CancellationToken.None;
        var access = new Secret("visitor-access-1");
        var key = new Secret("api-key-1");
        static JsonObject Error(IdentityFailure f) => new() { ["error"] = FormsJson.Failure(f) };
        return r.Call switch
        {
            "login" or "register" or "verify" or "recover" => ForState(r.Call, api.SendForStateAsync(r.Call switch
            {
                "login" => new MemberAuthRequest.Login(access, "member@example.com", new("pass-1"), None),
                "register" => new MemberAuthRequest.Register(access, "member@example.com", new("pass-1"), None, None),
                "verify" => new MemberAuthRequest.Verify(access, new("123456"), new("state-token-1")),
                _ => new MemberAuthRequest.Recover(access, new("recovery-token-1"), new("new-pass-1")),
            }, ct).AsTask().GetAwaiter().GetResult()),
            "sendRecoveryEmail" => api.SendRecoveryEmailAsync(new(access, "member@example.com", "https://shop.example/reset", "spec-client-id"), ct).AsTask().GetAwaiter().GetResult()
                .Match(_ => new JsonObject { ["read"] = new JsonObject { ["ok"] = true }, ["means"] = new JsonObject { ["ok"] = true } },
                    f => new JsonObject { ["read"] = Error(f), ["means"] = Means(MemberAnswers.FromFailure(MemberAuthCall.SendRecoveryEmail, f)) }),
            "signOn" => api.SignOnAsync(new(access, key, "member@example.com", None, None, None), ct).AsTask().GetAwaiter().GetResult()
                .Match(s => new JsonObject
                {
                    ["read"] = new JsonObject { ["ok"] = new JsonObject { ["sessionToken"] = s.SessionToken.Reveal(), ["identity"] = CoreJson.Identity(s.Identity) } },
                    ["means"] = new JsonObject { ["ok"] = true },
                }, f => new JsonObject { ["read"] = Error(f), ["means"] = Means(ExternalLogin.FromFailure(f)) }),
            "externalLogin" => api.RequestTokensAsync(new MemberAuthRequest.ExternalLogin(Some(access), key, "member-1"), ct).AsTask().GetAwaiter().GetResult()
                .Match(t => new JsonObject { ["read"] = new JsonObject { ["ok"] = CoreJson.TokenResponse(t) }, ["means"] = new JsonObject { ["ok"] = true } },
                    f => new JsonObject { ["read"] = Error(f), ["means"] = Means(ExternalLogin.FromFailure(f)) }),
            "tokenInfo" => api.GetTokenInfoAsync(new(new("member-access-1")), ct).AsTask().GetAwaiter().GetResult()
                .Match(i => new JsonObject { ["read"] = new JsonObject { ["ok"] = CoreJson.TokenInfo(i) }, ["means"] = null },
                    f => new JsonObject { ["read"] = Error(f), ["means"] = null }),
            _ => throw new InvalidOperationException($"Unknown call '{r.Call}'."),
        };
    }

    private static JsonObject ForState(string call, AuthResult<LoginStateReply, IdentityFailure> result)
    {
        var answer = result.Match(Right<IdentityFailure, LoginStateReply>, Left<IdentityFailure, LoginStateReply>);
        return new JsonObject
        {
            ["read"] = answer.Match(r => new JsonObject { ["ok"] = FormsJson.Reply(r) }, f => new JsonObject { ["error"] = FormsJson.Failure(f) }),
            ["means"] = FormsJson.Meaning(MemberAnswers.Read(CallOf(call), answer)),
        };
    }

    /// <summary>The core's call for a call name of the file.</summary>
    public static MemberAuthCall CallOf(string call) => call switch
    {
        "login" => MemberAuthCall.Login,
        "register" => MemberAuthCall.Register,
        "verify" => MemberAuthCall.Verify,
        "recover" => MemberAuthCall.Recover,
        "sendRecoveryEmail" => MemberAuthCall.SendRecoveryEmail,
        _ => MemberAuthCall.SignOn,
    };

    private static JsonObject Means(MemberAuthError error) => new() { ["error"] = FormsJson.Error(error) };

    private static MemberAuthHttpApi Api(HttpMessageHandler handler, string baseUrl) =>
        new(new HttpClient(handler), new WixAuthOptions { ClientId = "spec-client-id", ApiBaseUrl = new Uri(baseUrl), MaxRetries = 0 }, NullLogger<MemberAuthHttpApi>.Instance);
}

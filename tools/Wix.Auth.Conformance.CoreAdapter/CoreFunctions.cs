using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Urls;
using Wix.Auth.SpecGen.Json;
using Wix.Auth.SpecGen.Outputs;

namespace Wix.Auth.Conformance.CoreAdapter;

/// <summary>Every function of the adapter protocol, answered by the C# core; an input it cannot read is a <c>fault</c>.</summary>
public static class CoreFunctions
{
    /// <summary>The answer to one request <c>{"fn", "args"}</c>.</summary>
    public static JsonObject Answer(JsonObject request)
    {
        var args = request["args"] as JsonObject ?? [];
        try
        {
            return Call(request["fn"]?.GetValue<string>() ?? "", args);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or NullReferenceException)
        {
            // The request did not read as the protocol says: report it, and keep answering the next ones.
            return new JsonObject { ["fault"] = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    private static JsonObject Call(string function, JsonObject a) => function switch
    {
        "CodeChallenge" => Ok(Pkce.CodeChallenge(Json.Str(a, "verifier"))),
        "GenerateOAuthData" => Pkce.GenerateOAuthData(Json.Str(a, "redirectUri"), Json.OptStr(a, "originalUri"), Convert.FromHexString(Json.Str(a, "entropy"))).Match(
            d => Ok(CoreJson.OAuthData(d)), errors => new JsonObject { ["error"] = SpecJson.Array(errors.Map(e => (JsonNode?)CoreJson.Error(e))) }),
        "ParseFromUrl" => CoreJson.Outcome(CallbackParser.ParseFromUrl(Json.Str(a, "url"), Json.Mode(Json.Str(a, "responseMode"))), CoreJson.Callback),
        "Transition" => LoginFlow.Transition(CoreReader.Settings(a["settings"]!), CoreReader.State(a["state"]!), CoreReader.Event(a["event"]!)).Match(
            d => Ok(new JsonObject { ["state"] = CoreJson.State(d.State), ["effects"] = SpecJson.Array(d.Effects.Map(e => (JsonNode?)CoreJson.Effect(e))) }),
            e => new JsonObject { ["error"] = CoreJson.Error(e) }),
        "HttpRequest" => Ok(HttpLayer.Request(Json.Str(a, "baseUrl"), a["request"]!)),
        "HttpResponse" => HttpLayer.Response(a),
        "IdentityProvider" => CoreJson.Outcome(IdentityProvider.Offered(Json.Str(a, "name"), Json.Strings(a["offered"]!)), p => JsonValue.Create(p.Id)),
        "NeedsSameOriginStart" => Ok(LoginQueries.NeedsSameOriginStart(Json.Prompt(Json.Str(a, "prompt")), a["social"]!.GetValue<bool>())),
        "MayReplaceSession" => Ok(LoginQueries.MayReplaceSession(Json.Prompt(Json.Str(a, "prompt")), a["hasMemberSession"]!.GetValue<bool>(),
            Json.OptStr(a, "sessionMember"), Json.OptStr(a, "loggedInMember"))),
        "CheckVerificationAge" => MemberFormQueries.CheckVerificationAge(
            new MemberFormSettings { VerificationTtl = TimeSpan.FromSeconds(a["verificationTtlSeconds"]!.GetValue<double>()) },
            SpecJson.ReadInstant(Json.Str(a, "issuedAt")), SpecJson.ReadInstant(Json.Str(a, "now"))).Match(
            _ => Ok(true), e => new JsonObject { ["error"] = new JsonObject { ["code"] = e.Code } }),
        "WhyLoginFailed" => Ok(CoreJson.Error(LoginQueries.WhyLoginFailed(
            new FlowSettings("any") { PendingLoginTtl = TimeSpan.FromSeconds(a["pendingLoginTtlSeconds"]!.GetValue<double>()) },
            CoreReader.Error(a["error"]!), Json.OptStr(a, "loginBeganAt").Map(SpecJson.ReadInstant), SpecJson.ReadInstant(Json.Str(a, "now"))))),
        "KeepsLoginTicket" => Ok(LoginQueries.KeepsLoginTicket(CoreReader.Error(a["error"]!))),
        "EndsQuietly" => Ok(LoginQueries.EndsQuietly(Json.Prompt(Json.Str(a, "prompt")), CoreReader.Error(a["error"]!))),
        "ValidateSettings" => CoreReader.Settings(a["settings"]!).Validate().Match(
            _ => Ok(true), errors => new JsonObject { ["error"] = SpecJson.Array(errors.Map(e => (JsonNode?)CoreJson.Error(e))) }),
        "ClassifyFailure" => Ok(new JsonObject
        {
            ["kind"] = Core.Errors.Failures.KindOf(CoreReader.Error(a["error"]!)).ToString(),
            ["reason"] = Core.Errors.Failures.ReasonOf(CoreReader.Error(a["error"]!)).ToString(),
        }),
        "CheckEmail" => QueryVectors.CheckEmail(Json.Str(a, "email")),
        "AllowsAnotherAttempt" => Ok(RepeatOf(Json.Str(a, "repeat")).AllowsAnotherAttempt(Json.Str(a, "attempt") switch
        {
            "neverSent" => AttemptOutcome.NeverSent.Instance,
            "connectionLost" => AttemptOutcome.ConnectionLost.Instance,
            "timedOut" => AttemptOutcome.TimedOut.Instance,
            "answered" => new AttemptOutcome.Answered(a["status"]!.GetValue<int>()),
            var other => throw new FormatException($"Unknown attempt '{other}'."),
        })),
        "MailOutcome" => MemberFormFlow.MailOutcome(FormsReader.State(a["state"]!)).Match(_ => Ok(true), e => new JsonObject { ["error"] = FormsJson.Error(e) }),
        "RetryDelay" => Ok(QueryVectors.RetryDelaySeconds(a)),
        "CheckReturnUrl" => CoreJson.Outcome(ReturnUrl.Check(Json.Str(a, "url"), Json.OptStr(a, "redirectUri"), Json.Strings(a["allowedOrigins"]!)), u => JsonValue.Create(u)),
        "IsOrigin" => Ok(ReturnUrl.IsOrigin(Json.Str(a, "origin"))),
        "IsValidRedirectUri" => Ok(Pkce.IsValidRedirectUri(Json.Str(a, "uri"))),
        "OriginOf" => Ok(HttpOrigin.Of(Json.Str(a, "url")).MatchUnsafe(o => (JsonNode?)o, () => null)),
        "RunScenario" => Ok(ScenarioRun.Run(a)),
        "FormTransition" => MemberFormFlow.Transition(FormsReader.Settings(a["settings"]!), FormsReader.State(a["state"]!), FormsReader.Event(a["event"]!)).Match(
            d => Ok(FormsJson.Decision(d)), e => new JsonObject { ["error"] = FormsJson.Error(e) }),
        "MemberHttpRequest" => Ok(MemberWireVectors.Send(FormsReader.Request(a["request"]!), Json.Str(a, "baseUrl"))),
        "MemberHttpResponse" => Ok(MemberWireVectors.Read(new MemberWireVectors.ResponseCase("", Json.Str(a, "call"), a["transportFailure"]!.GetValue<bool>(),
            a["status"]?.GetValue<int>(), Json.OptStr(a, "requestId").MatchUnsafe(i => i, () => null), Json.OptStr(a, "body").MatchUnsafe(b => b, () => null)))),
        "RunFormScenario" => Ok(FormScenarioRun.Run(a)),
        _ => new JsonObject { ["notImplemented"] = true },
    };

    private static RepeatPolicy RepeatOf(string name) => name switch
    {
        "Safe" => new RepeatPolicy.Safe("as the vector says"),
        "OnlyIfNeverSent" => new RepeatPolicy.OnlyIfNeverSent("as the vector says"),
        _ => throw new FormatException($"Unknown repeat policy '{name}'."),
    };

    private static JsonObject Ok(JsonNode? value) => new() { ["ok"] = value };
}

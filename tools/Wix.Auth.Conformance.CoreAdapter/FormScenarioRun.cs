using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.Conformance.CoreAdapter;

/// <summary>
/// <c>RunFormScenario</c>: one hand-written scenario of <c>vectors/forms-scenarios.json</c> through the core's deciders,
/// each step on the machine it names (the forms, external login, the <c>web_message</c> listener, the login flow), each
/// machine carrying its own state from step to step; the answer is each step's summary (spec/forms.md, "Scenarios").
/// </summary>
internal static class FormScenarioRun
{
    public static JsonArray Run(JsonObject args)
    {
        var formSettings = FormsReader.Settings(args["formSettings"]!);
        var flowSettings = CoreReader.Settings(args["flowSettings"]!);
        var (form, external, login) = (MemberFormFlow.Initial, ExternalLoginFlow.Initial, LoginState.Initial);
        Option<WebMessageListener> listener = None;
        var summaries = new JsonArray();
        foreach (var step in args["steps"]!.AsArray())
        {
            var e = step!["event"]!;
            JsonObject summary;
            switch (Json.Str(step, "machine"))
            {
                case "forms":
                    var f = MemberFormFlow.Transition(formSettings, form, FormsReader.Event(e));
                    form = f.Match(d => d.State, _ => form);
                    summary = f.Match(d => new JsonObject
                    {
                        ["state"] = d.State.GetType().Name,
                        ["reason"] = d.State is MemberFormState.Failed failed ? failed.Reason.Code : null,
                        ["actions"] = SpecJson.Array(d.Actions.Map(a => (JsonNode?)a.GetType().Name)),
                        ["call"] = d.Call.MatchUnsafe(c => (JsonNode?)(c is MemberFormCall.SendForState s ? s.Request.GetType().Name : "SendRecoveryEmail"), () => null),
                    }, Rejected);
                    break;
                case "formLogin":
                    // The logged-in form becomes the login flow's session-token login (MemberFormQueries.LoginRequestOf).
                    var step0 = MemberFormFlow.Outcome(form).Map(s => (MemberAuthStep.LoggedIn)s);
                    var request = MemberFormQueries.LoginRequestOf(step0.Match(s => s, err => throw new InvalidOperationException($"The form did not log in: {err.Code}")),
                        CoreReader.OAuthData(e["oauthData"]!), Json.Mode(Json.Str(e, "responseMode")), SpecJson.ReadInstant(Json.Str(e, "now")));
                    summary = Login(flowSettings, ref login, request);
                    summary["sessionToken"] = request.Method is LoginMethod.WithSessionToken w ? w.SessionToken.Reveal() : null;
                    summary["prompt"] = request.Prompt.ToWire();
                    // Where the host sends the member once logged in, and whom the login is for from the start.
                    summary["returnTo"] = step0.Match(s => (JsonNode?)s.ReturnTo, _ => null);
                    summary["loginMember"] = request.Method is LoginMethod.WithSessionToken { Member.Case: MemberIdentity m } ? m.MemberId : null;
                    break;
                case "login":
                    summary = Login(flowSettings, ref login, Json.Str(e, "kind") == "ExternalTokensSet"
                        ? ((ExternalLoginState.Granted)external).Session
                        : CoreReader.Event(e));
                    break;
                case "external":
                    var x = ExternalLoginFlow.Transition(flowSettings, external, ExternalEvent(e, login));
                    external = x.Match(d => d.State, _ => external);
                    summary = x.Match(d => new JsonObject
                    {
                        ["state"] = d.State.GetType().Name,
                        ["reason"] = d.State is ExternalLoginState.Failed failed ? failed.Reason.Code : null,
                        ["call"] = d.Call.MatchUnsafe(c => (JsonNode?)CallOf(c), () => null),
                        ["authorization"] = d.Call.Bind(RequestOf).Bind(r => r.Authorization.HeaderValue).MatchUnsafe(h => (JsonNode?)h.Reveal(), () => null),
                    }, Rejected);
                    break;
                case "webMessage":
                    (listener, summary) = WebMessage(listener, e);
                    break;
                default:
                    throw new FormatException($"Unknown machine '{step["machine"]}'.");
            }
            summaries.Add(summary);
        }
        return summaries;
    }

    // A rejection is the machine's error with its fields (schema.md): an invalid field names the field and the rule.
    private static JsonObject Rejected(MemberAuthError error) => new() { ["rejected"] = FormsJson.Error(error) };

    private static JsonObject Login(FlowSettings settings, ref LoginState state, LoginEvent e)
    {
        var before = state;
        var result = LoginFlow.Transition(settings, state, e);
        state = result.Match(d => d.State, _ => before);
        return result.Match(d => new JsonObject
        {
            ["state"] = d.State.GetType().Name,
            ["effects"] = SpecJson.Array(d.Effects.Map(x => (JsonNode?)x.GetType().Name)),
            ["member"] = d.State is LoginState.Authenticated a ? a.Identity.MatchUnsafe(i => (JsonNode?)i.MemberId, () => null) : null,
        }, error => new JsonObject { ["rejected"] = CoreJson.Error(error) });
    }

    private static (Option<WebMessageListener>, JsonObject) WebMessage(Option<WebMessageListener> listener, JsonNode e)
    {
        var now = SpecJson.ReadInstant(Json.Str(e, "now"));
        if (Json.Str(e, "kind") == "Listen")
            return WebMessageListener.For(Json.Str(e, "authUrl"), Json.Str(e, "state"), now, TimeSpan.FromSeconds(e["timeoutSeconds"]!.GetValue<double>())).Match(
                l => (Some(l), new JsonObject { ["listening"] = l.AuthorizeOrigin }),
                error => (listener, new JsonObject { ["rejected"] = CoreJson.Error(error) }));
        var active = listener.Match(l => l, () => throw new InvalidOperationException("A message before Listen."));
        var outcome = Json.Str(e, "kind") switch
        {
            "Message" => active.Receive(Json.OptStr(e, "origin").MatchUnsafe(o => o, () => null),
                e["data"] is JsonObject data ? data.ToDictionary(p => p.Key, p => p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? p.Value.GetValue<string>() : null) : null, now),
            "Timer" => active.Expire(now),
            var kind => throw new FormatException($"Unknown web message event '{kind}'."),
        };
        return (listener, outcome switch
        {
            WebMessageOutcome.Answered a => new JsonObject { ["outcome"] = "Answered", ["callback"] = CoreJson.Callback(a.Callback) },
            WebMessageOutcome.Malformed m => new JsonObject { ["outcome"] = "Malformed", ["error"] = CoreJson.Error(m.Error) },
            _ => new JsonObject { ["outcome"] = outcome.GetType().Name },
        });
    }

    private static ExternalLoginEvent ExternalEvent(JsonNode e, LoginState session) => Json.Str(e, "kind") switch
    {
        "LoginRequested" => new ExternalLoginEvent.LoginRequested(ExternalRequest(e["request"]!), session, SpecJson.ReadInstant(Json.Str(e, "now"))),
        "TokenRenewed" => new ExternalLoginEvent.TokenRenewed(new Secret(Json.Str(e, "accessToken"))),
        "TokenRenewalFailed" => new ExternalLoginEvent.TokenRenewalFailed(CoreReader.WixError(e["error"]!)),
        "VisitorTokensObtained" => new ExternalLoginEvent.VisitorTokensObtained(new Secret(Json.Str(e, "accessToken"))),
        "VisitorTokensFailed" => new ExternalLoginEvent.VisitorTokensFailed(CoreReader.WixError(e["error"]!)),
        "SignedOn" => new ExternalLoginEvent.SignedOn(new SignOnReply(new Secret(Json.Str(e, "sessionToken")), FormsReader.Identity(e["identity"]!))),
        "SignOnFailed" => new ExternalLoginEvent.SignOnFailed(FormsReader.Failure(e["failure"]!)),
        "TokensGranted" => new ExternalLoginEvent.TokensGranted(CoreReader.TokenResponse(e["response"]!), SpecJson.ReadInstant(Json.Str(e, "now"))),
        "GrantFailed" => new ExternalLoginEvent.GrantFailed(FormsReader.Failure(e["failure"]!)),
        var kind => throw new FormatException($"Unknown external login event '{kind}'."),
    };

    private static ExternalLoginRequest ExternalRequest(JsonNode r) => Json.Str(r, "kind") switch
    {
        "ByMemberId" => new ExternalLoginRequest.ByMemberId(new Secret(Json.Str(r, "apiKey")), Json.Str(r, "memberId")),
        "WithSignOn" => new ExternalLoginRequest.WithSignOn(new Secret(Json.Str(r, "apiKey")), Json.Str(r, "email"), None,
            Optional(r["verifyEmail"]?.GetValue<bool>()), Optional(r["mergeExistingContact"]?.GetValue<bool>())),
        var kind => throw new FormatException($"Unknown external login request '{kind}'."),
    };

    private static string CallOf(ExternalLoginCall call) => call switch
    {
        ExternalLoginCall.SignOn => "SignOn",
        ExternalLoginCall.GrantTokens g => g.Request.GetType().Name,
        _ => call.GetType().Name,
    };

    private static Option<MemberAuthRequest> RequestOf(ExternalLoginCall call) => call switch
    {
        ExternalLoginCall.SignOn s => Some<MemberAuthRequest>(s.Request),
        ExternalLoginCall.GrantTokens g => Some(g.Request),
        _ => None,
    };
}

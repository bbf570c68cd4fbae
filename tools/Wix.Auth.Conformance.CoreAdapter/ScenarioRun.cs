using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Flow.LoginEffect;

namespace Wix.Auth.Conformance.CoreAdapter;

/// <summary>
/// <c>RunScenario</c>: a key scenario of <c>scenarios.json</c> through the core with the loop of <c>spec/interpreter.md</c>
/// over two dictionaries (sessions, pending logins), Wix answering as each step scripts it and the clock at each step's
/// <c>now</c>. Every step reports all it can; the runner compares what the step's <c>expect</c> names.
/// </summary>
internal sealed class ScenarioRun(FlowSettings settings)
{
    private const string MainSession = "main";
    private readonly Dictionary<string, LoginState> sessions = [];
    private readonly Dictionary<string, (PendingLogin Pending, DateTimeOffset ExpiresAt)> pendingLogins = [];

    /// <summary>What each step of <c>{settings, oauthData, steps}</c> ended in.</summary>
    public static JsonArray Run(JsonNode args)
    {
        var run = new ScenarioRun(CoreReader.Settings(args["settings"]!));
        var oauthData = CoreReader.OAuthData(args["oauthData"]!);
        var now = DateTimeOffset.UnixEpoch;
        var lastLogin = new Dictionary<string, string>();
        var observed = new JsonArray();
        foreach (var step in args["steps"]!.AsArray())
        {
            var host = step!["host"]!;
            var session = Json.OptStr(step, "session").IfNone(MainSession);
            now = host["now"] is { } at ? SpecJson.ReadInstant(at.GetValue<string>()) : now;
            var data = Json.OptStr(host, "state").Match(s => oauthData with { State = s }, () => oauthData);
            if (Json.Str(host, "kind") == "LoginRequested") lastLogin[session] = data.State;
            // The pending login a step reports on: the one it names, else its session's last login's (scenarios.md).
            var pendingState = Json.OptStr(host, "expectedState").IfNone(() => lastLogin.GetValueOrDefault(session, data.State));
            observed.Add(run.Step(session, HostEvent(host, data, now), now, new ScriptedWix(step["wix"]!.AsArray()), pendingState));
        }
        return observed;
    }

    private static LoginEvent HostEvent(JsonNode host, OAuthData data, DateTimeOffset now) => Json.Str(host, "kind") switch
    {
        "LoginRequested" => new LoginEvent.LoginRequested(data, Json.Prompt(Json.Str(host, "prompt")), Json.Mode(Json.Str(host, "responseMode")), now),
        "CallbackReceived" => new LoginEvent.CallbackReceived(
            CallbackParser.ParseFromUrl(Json.Str(host, "url"), Json.Mode(Json.Str(host, "responseMode"))).Match(p => p, e => throw new FormatException($"The callback URL does not parse: {e.Code}")),
            Json.Str(host, "expectedState"), now),
        "RefreshRequested" => new LoginEvent.RefreshRequested(now),
        "VisitorTokensRequested" => new LoginEvent.VisitorTokensRequested(now),
        "LogoutRequested" => new LoginEvent.LogoutRequested(Json.Str(host, "postLogoutUrl"), now, Json.OptStr(host, "redirectUri")),
        var kind => throw new FormatException($"Unknown host event '{kind}'."),
    };

    // One run of interpreter.md's loop: store the state before any effect, carry out the one-way effects, answer the call.
    private JsonObject Step(string session, LoginEvent @event, DateTimeOffset now, ScriptedWix wix, string pendingState)
    {
        var state = sessions.GetValueOrDefault(session) ?? LoginState.Initial;
        Option<string> redirect = None;
        Option<AuthError> error = None;
        for (Option<LoginEvent> next = @event; next.Case is LoginEvent current;)
        {
            var result = LoginFlow.Transition(settings, state, current);
            if (result.Case is AuthError rejection)
            {
                error = rejection;
                break;
            }
            var decision = (Decision)result.Case!;
            if (decision.State != state)
            {
                if (LoginQueries.IsWorthKeeping(decision.State)) sessions[session] = decision.State;
                else sessions.Remove(session);
            }
            state = decision.State;
            foreach (var action in decision.Actions)
            {
                switch (action)
                {
                    case StorePendingLogin s: pendingLogins[s.Pending.Data.State] = (s.Pending, now + s.TimeToLive); break;
                    case DeletePendingLogin d: pendingLogins.Remove(d.State); break;
                    case Redirect r: redirect = r.Url; break;
                }
            }
            next = decision.Call.Case is Call call ? Some(Answer(call, now, wix)) : None;
            error = LoginQueries.FailureOf(state);
        }
        return new JsonObject
        {
            ["calls"] = new JsonArray([.. wix.Calls]),
            ["error"] = error.Case is AuthError e ? e.Code : null,
            ["redirect"] = redirect.Case as string,
            ["state"] = state.GetType().Name,
            ["member"] = LoginQueries.IsMember(state),
            ["accessToken"] = LoginQueries.TokensOf(state).Case is Core.Credentials.Tokens t ? t.AccessToken.Value.Reveal() : null,
            ["pendingLogin"] = pendingLogins.TryGetValue(pendingState, out var entry) && entry.ExpiresAt >= now,
        };
    }

    // The answer event of a call; a pending login is good until the very instant its TTL ends (interpreter.md).
    private LoginEvent Answer(Call call, DateTimeOffset now, ScriptedWix wix) => call switch
    {
        ObtainVisitorTokens c => wix.Tokens(c.Request).Match<LoginEvent>(r => new LoginEvent.VisitorTokensReceived(r, now), e => new LoginEvent.VisitorTokensFailed(e)),
        CreateLoginSession c => wix.Session(c.Request).Match<LoginEvent>(u => new LoginEvent.LoginSessionCreated(u), e => new LoginEvent.LoginSessionFailed(e)),
        TakePendingLogin c => pendingLogins.Remove(c.State, out var entry) && entry.ExpiresAt >= now
            ? new LoginEvent.PendingLoginTaken(entry.Pending) : new LoginEvent.PendingLoginGone(),
        ExchangeCode c => wix.Tokens(c.Request).Match<LoginEvent>(r => new LoginEvent.CodeExchanged(r, now), e => new LoginEvent.CodeExchangeFailed(e)),
        RefreshTokens c => wix.Tokens(c.Request).Match<LoginEvent>(r => new LoginEvent.TokensRefreshed(r, now), e => new LoginEvent.RefreshFailed(e)),
        CreateLogoutSession c => wix.Session(c.Request).Match<LoginEvent>(u => new LoginEvent.LogoutSessionCreated(u), e => new LoginEvent.LogoutSessionFailed(e)),
        _ => throw new FormatException($"The key scenarios make no {call.GetType().Name} call."),
    };
}

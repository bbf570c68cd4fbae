using System.Text.Json.Nodes;
using LanguageExt;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Urls;
using Wix.Auth.Effects.Interpreter;
using Xunit;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Flow.LoginEffect;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// The key scenarios of <c>spec/vectors/scenarios.json</c>, whose expected outcomes were written by hand from
/// <c>docs/protocol.md</c>, replayed twice: through the core with the interpreter loop of <c>spec/interpreter.md</c> written
/// here over dictionaries (what a port author writes), and through this library's <see cref="FlowInterpreter"/> with its
/// in-memory ports. Wix is scripted per step; the clock is the step's <c>now</c>.
/// </summary>
public sealed class ScenarioReplayTests
{
    private const string MainSession = "main";
    private static readonly JsonObject File = VectorReader.Load("scenarios.json");
    private static readonly FlowSettings Settings = VectorReader.Settings(File["settings"]!);

    [Fact]
    public void Every_scenario_ends_as_written_through_the_core() => Replay("core", settings => new CoreLoop(settings));

    [Fact]
    public void Every_scenario_ends_as_written_through_the_interpreter_with_in_memory_ports() => Replay("interpreter", settings => new InterpreterLoop(settings));

    [Fact]
    public async Task Return_urls_are_normalised_and_compared_as_written()
    {
        var table = File["returnUrls"]!;
        var allowed = table["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()).ToSeq();
        var redirectUri = VectorReader.Str(table, "redirectUri");
        var m = new Mismatches("scenarios.json");
        foreach (var c in table["cases"]!.AsArray())
        {
            var url = VectorReader.Str(c!, "url");
            m.Check($"returnUrls: '{url}' (core)", c!["expect"], Result(ReturnUrl.Check(url, redirectUri, allowed)));
            // Through the interpreter, as a logout's URL: the redirect a visitor is sent to, or the rejection.
            var interpreter = new FlowInterpreter(Settings with { AllowedOrigins = allowed }, new ScriptedAnswers([]), NoTokenInfo.Instance, new InMemoryPendingLoginStore(TimeProvider.System),
                new InMemorySessionStore(), TimeProvider.System, NullLogger.Instance);
            var outcome = await interpreter.RunAsync(MainSession, LoginState.Initial, new LoginEvent.LogoutRequested(url, DateTimeOffset.UnixEpoch, redirectUri), default);
            m.Check($"returnUrls: '{url}' (interpreter)", c["expect"], Result(outcome.Error is AuthError refused ? Left<AuthError, string>(refused) : outcome.Redirect is string target ? Right<AuthError, string>(target) : Left<AuthError, string>(new AuthError.InvalidReturnUrl())));
        }
        foreach (var o in File["origins"]!.AsArray())
            m.Check($"origins: '{o!["origin"]}'", o["valid"], ReturnUrl.IsOrigin(VectorReader.Str(o, "origin")));
        m.AssertNone(70);
    }

    // A scenario's own "settings" replace the file's, field by field (the expected issuer's scenarios).
    private static FlowSettings ScenarioSettings(JsonNode scenario)
    {
        var merged = File["settings"]!.AsObject().DeepClone().AsObject();
        foreach (var (name, value) in scenario["settings"]?.AsObject() ?? [])
            merged[name] = value?.DeepClone();
        return VectorReader.Settings(merged);
    }

    private static JsonNode Result(Either<AuthError, string> result) =>
        result.Match(ok => new JsonObject { ["ok"] = ok }, error => new JsonObject { ["error"] = error.Code });

    private static void Replay(string through, Func<FlowSettings, ILoop> start)
    {
        var m = new Mismatches("scenarios.json");
        foreach (var scenario in File["scenarios"]!.AsArray())
        {
            var loop = start(ScenarioSettings(scenario!));
            var now = DateTimeOffset.UnixEpoch;
            var loginStates = new Dictionary<string, string>();
            var index = 0;
            foreach (var step in scenario!["steps"]!.AsArray())
            {
                index++;
                var host = step!["host"]!;
                var session = VectorReader.OptStr(step, "session").IfNone(MainSession);
                now = ScenarioEvents.Now(host, now);
                var data = ScenarioEvents.Data(File, host);
                if (VectorReader.Str(host, "kind") == "LoginRequested") loginStates[session] = data.State;
                var pendingState = VectorReader.OptStr(host, "expectedState").IfNone(() => loginStates.GetValueOrDefault(session, data.State));
                var wix = new ScriptedAnswers(step["wix"]!.AsArray());
                var where = $"{scenario["name"]}, step {index} ({through})";
                var outcome = loop.Run(session, ScenarioEvents.Host(host, data, now), now, wix, pendingState);
                wix.AssertAllUsed(where);
                var expect = step["expect"]!.AsObject();
                m.Check(where, expect, outcome.Observed(expect));
            }
        }
        m.AssertNone(40);
    }

    private interface ILoop
    {
        ScenarioOutcome Run(string session, LoginEvent @event, DateTimeOffset now, ScriptedAnswers wix, string pendingState);
    }

    // The loop of spec/interpreter.md, as a port author writes it from the prose: the core decides, dictionaries store.
    private sealed class CoreLoop(FlowSettings settings) : ILoop
    {
        private readonly Dictionary<string, LoginState> sessions = [];
        private readonly Dictionary<string, (PendingLogin Pending, DateTimeOffset ExpiresAt)> pendingLogins = [];

        public ScenarioOutcome Run(string session, LoginEvent @event, DateTimeOffset now, ScriptedAnswers wix, string pendingState)
        {
            var state = sessions.GetValueOrDefault(session) ?? LoginState.Initial;
            Option<string> redirect = None;
            for (Option<LoginEvent> next = @event; next.Case is LoginEvent current;)
            {
                var result = LoginFlow.Transition(settings, state, current);
                if (result.Case is AuthError rejection) return Outcome(state, Some(rejection), redirect, now, wix, pendingState);
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
            }
            return Outcome(state, LoginQueries.FailureOf(state), redirect, now, wix, pendingState);
        }

        private LoginEvent Answer(Call call, DateTimeOffset now, ScriptedAnswers wix) => call switch
        {
            ObtainVisitorTokens c => wix.Tokens(c.Request).Match<LoginEvent>(r => new LoginEvent.VisitorTokensReceived(r, now), e => new LoginEvent.VisitorTokensFailed(e)),
            CreateLoginSession c => wix.Session(c.Request).Match<LoginEvent>(u => new LoginEvent.LoginSessionCreated(u), e => new LoginEvent.LoginSessionFailed(e)),
            TakePendingLogin c => pendingLogins.Remove(c.State, out var entry) && entry.ExpiresAt >= now
                ? new LoginEvent.PendingLoginTaken(entry.Pending) : new LoginEvent.PendingLoginGone(),
            ExchangeCode c => wix.Tokens(c.Request).Match<LoginEvent>(r => new LoginEvent.CodeExchanged(r, now), e => new LoginEvent.CodeExchangeFailed(e)),
            RefreshTokens c => wix.Tokens(c.Request).Match<LoginEvent>(r => new LoginEvent.TokensRefreshed(r, now), e => new LoginEvent.RefreshFailed(e)),
            CreateLogoutSession c => wix.Session(c.Request).Match<LoginEvent>(u => new LoginEvent.LogoutSessionCreated(u), e => new LoginEvent.LogoutSessionFailed(e)),
            _ => throw new InvalidOperationException(call.GetType().Name),
        };

        private ScenarioOutcome Outcome(LoginState state, Option<AuthError> error, Option<string> redirect, DateTimeOffset now, ScriptedAnswers wix, string pendingState) =>
            new(state, error, redirect, pendingLogins.TryGetValue(pendingState, out var entry) && entry.ExpiresAt >= now, wix.Calls);
    }

    // This library's interpreter and in-memory stores; the clock is set to each step's time.
    private sealed class InterpreterLoop : ILoop
    {
        private readonly StepClock clock = new();
        private readonly InMemorySessionStore sessions = new();
        private readonly InMemoryPendingLoginStore pendingLogins;

        private readonly FlowSettings settings;

        public InterpreterLoop(FlowSettings settings) => (this.settings, pendingLogins) = (settings, new InMemoryPendingLoginStore(clock));

        public ScenarioOutcome Run(string session, LoginEvent @event, DateTimeOffset now, ScriptedAnswers wix, string pendingState)
        {
            clock.Now = now;
            var interpreter = new FlowInterpreter(settings, wix, NoTokenInfo.Instance, pendingLogins, sessions, clock, NullLogger.Instance);
            var state = sessions.GetAsync(session, default).AsTask().Result ?? LoginState.Initial;
            var outcome = interpreter.RunAsync(session, state, @event, default).AsTask().Result;
            return new(outcome.State, outcome.Error, outcome.Redirect, pendingLogins.FindAsync(pendingState, default).AsTask().Result is not null, wix.Calls);
        }
    }

    // The key scenarios never ask who the member is (spec/vectors/flows.json shows that call); none of these is called.
    private sealed class NoTokenInfo : Effects.Ports.IMemberAuthApi
    {
        public static readonly NoTokenInfo Instance = new();

        public ValueTask<AuthResult<Core.Protocol.LoginStateReply, Core.Protocol.IdentityFailure>> SendForStateAsync(Core.Protocol.MemberAuthRequest request, CancellationToken cancellationToken) => throw Unexpected();

        public ValueTask<AuthResult<bool, Core.Protocol.IdentityFailure>> SendRecoveryEmailAsync(Core.Protocol.MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken) => throw Unexpected();

        public ValueTask<AuthResult<Core.Protocol.SignOnReply, Core.Protocol.IdentityFailure>> SignOnAsync(Core.Protocol.MemberAuthRequest.SignOn request, CancellationToken cancellationToken) => throw Unexpected();

        public ValueTask<AuthResult<Core.Credentials.TokenResponse, Core.Protocol.IdentityFailure>> RequestTokensAsync(Core.Protocol.MemberAuthRequest request, CancellationToken cancellationToken) => throw Unexpected();

        public ValueTask<AuthResult<Core.Protocol.TokenInfoReply, Core.Protocol.IdentityFailure>> GetTokenInfoAsync(Core.Protocol.MemberAuthRequest.TokenInfo request, CancellationToken cancellationToken) => throw Unexpected();

        private static InvalidOperationException Unexpected() => new("The key scenarios ask nothing of the member-auth endpoints.");
    }
}

using System.Text.Json.Nodes;
using LanguageExt;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Interpreter;
using Wix.Auth.Effects.Ports;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// One scenario of <c>forms-scenarios.json</c> through this library's interpreters, driven as the clients drive them: the
/// forms through <see cref="FormInterpreter"/> (<see cref="MemberAuthClient"/>), external login through
/// <see cref="ExternalLoginInterpreter"/> (<see cref="ExternalLoginClient"/>), the login flow through the session's
/// <see cref="FlowInterpreter"/> (<see cref="WixAuthClient"/>), <c>web_message</c> through the Blazor host's frame
/// (<see cref="WebMessageFrameReplay"/>). This class is the world around them: Wix, answering each call with the file's next
/// step (<see cref="StepScript"/>), and the in-memory stores, recording what each decision did at them; the clock is the
/// step's. Every outcome is read from the ports and from what the interpreters hand back, never from the core's decisions.
/// </summary>
internal sealed class InterpretedFormScenario : IWixApi, IMemberAuthApi, IVerificationStore, IPendingLoginStore
{
    private const string SessionKey = "main";

    private readonly StepClock clock = new();
    private readonly StepScript script;
    private readonly InMemorySessionStore sessions = new();
    private readonly InMemoryVerificationStore verifications = new();
    private readonly InMemoryPendingLoginStore pendingLogins;
    private readonly WixAuthClient session;
    private readonly FormInterpreter forms;
    private readonly ExternalLoginInterpreter external;
    private readonly WebMessageFrameReplay webMessages = new();

    // The machine whose run is going on: how activity at a port reads in the file's terms.
    private string machine = "";
    private Option<MemberFormState> formState;
    private int? formLogin;
    private int? granted;

    private InterpretedFormScenario(JsonObject file, JsonNode scenario)
    {
        script = new StepScript(scenario["steps"]!.AsArray(), clock);
        pendingLogins = new InMemoryPendingLoginStore(clock);
        var settings = VectorReader.Settings(file["flowSettings"]!);
        session = new WixAuthClient(new WixAuthOptions { ClientId = settings.ClientId }, this, this, sessions, clock, entropy: null, refreshes: null,
            loggerFactory: null, SessionKey, memberAuth: this, settings: settings);
        forms = new FormInterpreter(FormsReader.Settings((scenario["formSettings"] ?? file["formSettings"])!), this, this, NullLogger.Instance);
        external = new ExternalLoginInterpreter(session, this, clock);
    }

    /// <summary>Every step of <paramref name="scenario"/>: what it showed, and whether its decision's run went on past it.</summary>
    public static async Task<IReadOnlyList<(JsonObject? Shown, bool InFlight)>> RunAsync(JsonObject file, JsonNode scenario)
    {
        var world = new InterpretedFormScenario(file, scenario);
        var script = world.script;
        while (script.HasNext)
        {
            var taken = script.Taken;
            try
            {
                await world.NextRunAsync();
            }
            catch (StepScript.Ended)
            {
                // The scenario stops this run at a call it does not answer; the next step (if any) is the host's again.
            }
            if (script.Taken == taken) throw new FormatException($"Step {taken + 1} is an answer to a call no run made.");
        }
        return [.. script.Observed.Select((shown, i) => (shown, script.InFlight(i)))];
    }

    private Task NextRunAsync() => VectorReader.Str(script.Peek, "machine") switch
    {
        "forms" => FormsAsync(),
        "formLogin" => FormLoginAsync(),
        "login" => LoginAsync(),
        "external" => ExternalAsync(),
        "webMessage" => WebMessageAsync(),
        var other => throw new FormatException($"Unknown machine '{other}'."),
    };

    // A form, as MemberAuthClient submits it, but with the step's access token and time (the client takes them from the
    // session and the clock).
    private async Task FormsAsync()
    {
        machine = "forms";
        var submitted = FormsReader.Event(script.Begin());
        var result = await forms.RunAsync(submitted, default);
        formState = result.Match(state => Some(state), _ => formState);
        script.Show(script.At, result.Match(
            state => new JsonObject
            {
                ["state"] = state.GetType().Name,
                ["reason"] = state is MemberFormState.Failed failed ? failed.Reason.Code : null,
                ["actions"] = Actions(),
                ["call"] = null,
            },
            Rejected));
    }

    // The logged-in form as WixAuthClient.GetAuthUrlAsync(oauthData, loggedIn) starts it: the same login request, run as the
    // flow's outcome so that a refusal and a failed call stay apart.
    private async Task FormLoginAsync()
    {
        machine = "login";
        var e = script.Begin();
        formLogin = script.At;
        clock.Now = SpecJson.ReadInstant(VectorReader.Str(e, "now"));
        var loggedIn = formState.Map(MemberFormFlow.Outcome).Match(o => o.Case as MemberAuthStep.LoggedIn, () => null)
            ?? throw new FormatException("A formLogin step needs a form that logged in.");
        var outcome = await session.RunAsync(
            MemberFormQueries.LoginRequestOf(loggedIn, VectorReader.OAuthData(e["oauthData"]!), VectorReader.Mode(VectorReader.Str(e, "responseMode")), clock.Now),
            default);
        ShowLogin(outcome);
        var shown = Of(formLogin.Value);
        shown["sessionToken"] ??= null;
        shown["prompt"] ??= null;
        shown["returnTo"] = loggedIn.ReturnTo;
        shown["loginMember"] ??= null;
        formLogin = null;
    }

    // A step of the session's own flow. Visitor tokens as the scenario's first step are the answer to the host's
    // generateVisitorTokens, which the file does not list; answers to calls come only as answers.
    private async Task LoginAsync()
    {
        machine = "login";
        LoginEvent e;
        switch (VectorReader.OptStr(script.Peek["event"]!, "kind").IfNone(""))
        {
            case "VisitorTokensReceived" or "VisitorTokensFailed":
                script.BeginUnlisted();
                clock.Now = script.Peek["event"]!["now"] is { } now ? SpecJson.ReadInstant(now.GetValue<string>()) : clock.Now;
                e = new LoginEvent.VisitorTokensRequested(clock.Now);
                break;
            case var kind when Answers.Contains(kind):
                throw new FormatException($"No run of this scenario asks for '{kind}'.");
            default:
                var json = script.Begin();
                if (json["now"] is { } at) clock.Now = SpecJson.ReadInstant(at.GetValue<string>());
                e = VectorReader.Event(json);
                break;
        }
        ShowLogin(await session.RunAsync(e, default));
    }

    private static readonly string[] Answers = ["LoginSessionCreated", "LoginSessionFailed", "PendingLoginTaken", "PendingLoginGone", "CodeExchanged",
        "CodeExchangeFailed", "TokensRefreshed", "RefreshFailed", "LogoutSessionCreated", "LogoutSessionFailed", "MemberIdentityReceived",
        "MemberIdentityFetchFailed", "ExternalTokensSet"];

    // External login as ExternalLoginClient runs it; a grant that the file follows with the session's ExternalTokensSet
    // shows that step too (the interpreter feeds it to the session's flow itself).
    private async Task ExternalAsync()
    {
        machine = "external";
        granted = null;
        var e = script.Begin();
        clock.Now = SpecJson.ReadInstant(VectorReader.Str(e, "now"));
        var result = await external.RunAsync(ExternalRequest(e["request"]!), default);
        // The interpreter answers a refusal and a failed login alike, with the error; the decider refuses only what it has
        // not acted on, so an error before any call is the request's refusal.
        script.Show(granted ?? script.At, result.Match(
            _ => External("Granted", null),
            error => script.CallsInRun == 0 ? Rejected(error) : External("Failed", error.Code)));
        if (granted is not null && result.IsRight)
        {
            var state = await sessions.GetAsync(SessionKey, default) ?? LoginState.Initial;
            script.Show(script.At, LoginSummary(state, EffectsOf(script.Current)));
        }
    }

    private async Task WebMessageAsync()
    {
        var e = script.Begin();
        script.Show(script.At, VectorReader.Str(e, "kind") == "Listen" ? webMessages.Listen(e) : await webMessages.WaitAsync(e));
    }

    private void ShowLogin(FlowOutcome outcome)
    {
        if (script.At < 0) return;
        if (outcome.Rejection is AuthError refused)
        {
            script.Show(script.At, new JsonObject { ["rejected"] = CoreJson.Error(refused) });
            return;
        }
        var effects = EffectsOf(script.Current);
        // A redirect is the run's answer to the host, not a port's: it is the last decision's.
        if (outcome.Redirect is not null) effects.Add("Redirect");
        var summary = LoginSummary(outcome.State, effects);
        foreach (var (name, value) in script.Current.Where(p => !summary.ContainsKey(p.Key)).ToList()) summary[name] = value?.DeepClone();
        script.Show(script.At, summary);
    }

    private static JsonObject LoginSummary(LoginState state, JsonArray effects) => new()
    {
        ["state"] = state.GetType().Name,
        ["effects"] = effects,
        ["member"] = state is LoginState.Authenticated a ? a.Identity.MatchUnsafe(i => (JsonNode?)i.MemberId, () => null) : null,
    };

    private static JsonObject External(string state, string? reason) => new() { ["state"] = state, ["reason"] = reason, ["call"] = null, ["authorization"] = null };

    private static JsonObject Rejected(MemberAuthError error) => new() { ["rejected"] = FormsJson.Error(error) };

    private JsonArray Actions() => (JsonArray)(script.Current["actions"] ??= new JsonArray()).DeepClone();

    private static JsonArray EffectsOf(JsonObject shown) => (JsonArray)(shown["effects"]?.DeepClone() ?? new JsonArray());

    private JsonObject Of(int step) => script.Observed[step] ?? throw new InvalidOperationException($"Step {step + 1} showed nothing.");

    // A one-way effect of the current decision, as the file names it.
    private void OneWay(string name)
    {
        if (machine == "forms") ((JsonArray)(script.Current["actions"] ??= new JsonArray())).Add(name);
        else if (machine == "login") ((JsonArray)(script.Current["effects"] ??= new JsonArray())).Add(name);
    }

    // The current decision's call: the login flow shows the state it stored before making it (the interpreter stores
    // first), the forms and external login show none (their state lives in the interpreter until the run rests).
    private async Task Call(string name, Option<Secret> authorization = default)
    {
        var shown = script.Current;
        switch (machine)
        {
            case "forms":
                shown["actions"] ??= new JsonArray();
                shown["call"] = name;
                break;
            case "external":
                (shown["call"], shown["authorization"]) = (name, authorization.MatchUnsafe(a => (JsonNode?)a.Reveal(), () => null));
                break;
            default:
                ((JsonArray)(shown["effects"] ??= new JsonArray())).Add(name);
                var stored = await sessions.GetAsync(SessionKey, default) ?? LoginState.Initial;
                shown["state"] = stored.GetType().Name;
                shown["member"] = stored is LoginState.Authenticated a ? a.Identity.MatchUnsafe(i => (JsonNode?)i.MemberId, () => null) : null;
                break;
        }
    }

    // IWixApi: the session flow's calls. In an external login they are its renewal or its visitor tokens: the same grant on
    // the wire, told apart by whether the session held tokens.
    async ValueTask<AuthResult<TokenResponse, AuthError>> IWixApi.RequestTokensAsync(WixRequest request, CancellationToken cancellationToken)
    {
        if (machine == "external")
        {
            var held = LoginQueries.TokensOf(await sessions.GetAsync(SessionKey, cancellationToken) ?? LoginState.Initial).IsSome;
            await Call(held ? "RenewSessionTokens" : "ObtainVisitorTokens");
            var answer = script.Answer("external", "TokenRenewed", "TokenRenewalFailed", "VisitorTokensObtained", "VisitorTokensFailed");
            // The step names the new access token only; the rest of the grant is what no later step reads.
            return answer["accessToken"] is { } token
                ? new TokenResponse(new Secret(token.GetValue<string>()), None, 14_400)
                : new AuthError.RemoteCallFailed(FormsReader.WixError(answer["error"]!));
        }
        var (name, kinds) = request switch
        {
            WixRequest.AnonymousGrant => ("ObtainVisitorTokens", new[] { "VisitorTokensReceived", "VisitorTokensFailed" }),
            WixRequest.AuthorizationCodeGrant => ("ExchangeCode", new[] { "CodeExchanged", "CodeExchangeFailed" }),
            WixRequest.RefreshTokenGrant => ("RefreshTokens", new[] { "TokensRefreshed", "RefreshFailed" }),
            _ => throw new InvalidOperationException($"Unexpected token request {request.GetType().Name}."),
        };
        await Call(name);
        return VectorReader.Event(script.Answer("login", kinds)) switch
        {
            LoginEvent.VisitorTokensReceived r => r.Response,
            LoginEvent.CodeExchanged r => r.Response,
            LoginEvent.TokensRefreshed r => r.Response,
            LoginEvent.VisitorTokensFailed f => new AuthError.RemoteCallFailed(f.Error),
            LoginEvent.CodeExchangeFailed f => new AuthError.RemoteCallFailed(f.Error),
            LoginEvent.RefreshFailed f => new AuthError.RemoteCallFailed(f.Error),
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
    }

    async ValueTask<AuthResult<string, AuthError>> IWixApi.CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken)
    {
        if (request is WixRequest.LoginSession login && formLogin is int step)
        {
            // What the logged-in form's login sends: its session token and prompt, on the wire.
            Of(step)["sessionToken"] = login.AuthRequest.SessionToken.MatchUnsafe(t => (JsonNode?)t.Reveal(), () => null);
            Of(step)["prompt"] = login.Prompt;
        }
        await Call(request is WixRequest.LoginSession ? "CreateLoginSession" : "CreateLogoutSession");
        return VectorReader.Event(script.Answer("login", "LoginSessionCreated", "LoginSessionFailed", "LogoutSessionCreated", "LogoutSessionFailed")) switch
        {
            LoginEvent.LoginSessionCreated c => c.AuthUrl,
            LoginEvent.LogoutSessionCreated c => c.LogoutUrl,
            LoginEvent.LoginSessionFailed f => new AuthError.RemoteCallFailed(f.Error),
            LoginEvent.LogoutSessionFailed f => new AuthError.RemoteCallFailed(f.Error),
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
    }

    // IMemberAuthApi: the forms' calls, external login's, and the flow's token info.
    async ValueTask<AuthResult<LoginStateReply, IdentityFailure>> IMemberAuthApi.SendForStateAsync(MemberAuthRequest request, CancellationToken cancellationToken)
    {
        await Call(request.GetType().Name);
        return FormsReader.Event(script.Answer("forms", "StateAnswered", "CallRefused")) switch
        {
            MemberFormEvent.StateAnswered a => a.Reply,
            MemberFormEvent.CallRefused r => r.Failure,
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
    }

    async ValueTask<AuthResult<bool, IdentityFailure>> IMemberAuthApi.SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken)
    {
        await Call(request.GetType().Name);
        return FormsReader.Event(script.Answer("forms", "ResetMailAccepted", "CallRefused")) switch
        {
            MemberFormEvent.ResetMailAccepted => true,
            MemberFormEvent.CallRefused r => r.Failure,
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
    }

    async ValueTask<AuthResult<SignOnReply, IdentityFailure>> IMemberAuthApi.SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken)
    {
        await Call("SignOn", request.Authorization.HeaderValue);
        var answer = script.Answer("external", "SignedOn", "SignOnFailed");
        return answer["failure"] is { } failure
            ? FormsReader.Failure(failure)
            : new SignOnReply(new Secret(VectorReader.Str(answer, "sessionToken")), FormsReader.Identity(answer["identity"]!));
    }

    async ValueTask<AuthResult<TokenResponse, IdentityFailure>> IMemberAuthApi.RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken)
    {
        await Call(request.GetType().Name, request.Authorization.HeaderValue);
        var answer = script.Answer("external", "TokensGranted", "GrantFailed");
        if (answer["failure"] is { } failure) return FormsReader.Failure(failure);
        if (script.NextIs("login", "ExternalTokensSet"))
        {
            // The grant rests the external login here; what the session's flow does with it next is the file's next step.
            granted = script.At;
            script.Continue();
            machine = "login";
        }
        return VectorReader.TokenResponse(answer["response"]!);
    }

    async ValueTask<AuthResult<TokenInfoReply, IdentityFailure>> IMemberAuthApi.GetTokenInfoAsync(MemberAuthRequest.TokenInfo request, CancellationToken cancellationToken)
    {
        await Call("FetchMemberIdentity");
        return VectorReader.Event(script.Answer("login", "MemberIdentityReceived", "MemberIdentityFetchFailed")) switch
        {
            LoginEvent.MemberIdentityReceived r => r.Reply,
            LoginEvent.MemberIdentityFetchFailed f => IdentityFailure.Of(f.Error),
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
    }

    // IVerificationStore: the forms' one-way actions.
    ValueTask<PendingVerification?> IVerificationStore.ReadAsync(CancellationToken cancellationToken) => verifications.ReadAsync(cancellationToken);

    ValueTask IVerificationStore.KeepAsync(PendingVerification verification, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        OneWay("KeepVerification");
        return verifications.KeepAsync(verification, timeToLive, cancellationToken);
    }

    ValueTask IVerificationStore.ForgetAsync(CancellationToken cancellationToken)
    {
        OneWay("ForgetVerification");
        return verifications.ForgetAsync(cancellationToken);
    }

    // IPendingLoginStore: the login flow's pending login. A take is the call TakePendingLogin, answered by the store
    // itself, or the one-way DeletePendingLogin: the port cannot tell them apart, the file's next step does.
    ValueTask IPendingLoginStore.SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        OneWay("StorePendingLogin");
        if (formLogin is int step) Of(step)["loginMember"] = pending.Member.MatchUnsafe(m => (JsonNode?)m.MemberId, () => null);
        return pendingLogins.SaveAsync(pending, timeToLive, cancellationToken);
    }

    ValueTask<PendingLogin?> IPendingLoginStore.FindAsync(string state, CancellationToken cancellationToken) => pendingLogins.FindAsync(state, cancellationToken);

    async ValueTask<PendingLogin?> IPendingLoginStore.TakeAsync(string state, CancellationToken cancellationToken)
    {
        if (!script.NextIs("login", "PendingLoginTaken", "PendingLoginGone"))
        {
            OneWay("DeletePendingLogin");
            return await pendingLogins.TakeAsync(state, cancellationToken);
        }
        await Call("TakePendingLogin");
        var expected = VectorReader.Str(script.Answer("login", "PendingLoginTaken", "PendingLoginGone"), "kind");
        var taken = await pendingLogins.TakeAsync(state, cancellationToken);
        // The store answers, not the file: a store that answers otherwise than the step shows it on that step.
        if ((taken is null ? "PendingLoginGone" : "PendingLoginTaken") != expected) script.Current["storeAnswered"] = taken is null ? "PendingLoginGone" : "PendingLoginTaken";
        return taken;
    }

    private static ExternalLoginRequest ExternalRequest(JsonNode r) => VectorReader.Str(r, "kind") switch
    {
        "ByMemberId" => new ExternalLoginRequest.ByMemberId(new Secret(VectorReader.Str(r, "apiKey")), VectorReader.Str(r, "memberId")),
        "WithSignOn" => new ExternalLoginRequest.WithSignOn(new Secret(VectorReader.Str(r, "apiKey")), VectorReader.Str(r, "email"), None,
            Optional(r["verifyEmail"]?.GetValue<bool>()), Optional(r["mergeExistingContact"]?.GetValue<bool>())),
        var kind => throw new FormatException($"Unknown external login request '{kind}'."),
    };
}

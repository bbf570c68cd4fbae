using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using PkceFunctions = Wix.Auth.Core.OAuth.Pkce;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>Fixed inputs for flow tests: one client, one login's OAuth data, a clock that the test moves.</summary>
internal static class Fixture
{
    public const string RedirectUri = "http://localhost:3000/callback";
    public const string AuthUrl = "https://site.example/_api/oauth2/authorize?rs=1";
    public static readonly FlowSettings Settings = new("cid-1");
    public static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_915_034);

    public static OAuthData Data(byte seed = 1, string? originalUri = "http://localhost:3000/orig") =>
        PkceFunctions.GenerateOAuthData(RedirectUri, Optional(originalUri),
                Enumerable.Range(0, PkceFunctions.RequiredEntropyBytes).Select(i => (byte)(i * 31 + seed)).ToArray())
            .Match(d => d, _ => throw new InvalidOperationException());

    public static PendingLogin Pending(OAuthData data, Prompt prompt = Prompt.Login, ResponseMode mode = ResponseMode.Fragment, DateTimeOffset? at = null) =>
        new(data, prompt, mode, at ?? T0);

    public static TokenResponse Response(string access, string refresh, long expiresIn = 14_400) =>
        new(access.AsSecret(), Some(refresh.AsSecret()), expiresIn);

    public static Tokens Visitor(DateTimeOffset? at = null) => Response("AT-1", "RT-1").ToTokens(at ?? T0, TokenRole.Visitor);

    public static CallbackParams Granted(string code, string state) => new CallbackParams.Granted(code.AsSecret(), state, null);

    /// <summary>A callback whose state the host expects: the one it carries.</summary>
    public static LoginEvent.CallbackReceived Callback(string code, string state, DateTimeOffset now) => new(Granted(code, state), state, now);

    /// <summary>Runs events from a state, failing the test on a rejection; returns the final decision.</summary>
    public static Decision Run(LoginState state, params LoginEvent[] events)
    {
        var decision = Decision.To(state);
        foreach (var e in events) decision = Accept(decision.State, e);
        return decision;
    }

    public static Decision Accept(LoginState state, LoginEvent e, FlowSettings? settings = null) =>
        LoginFlow.Transition(settings ?? Settings, state, e).Match(d => d, err => throw new Xunit.Sdk.XunitException($"{e.GetType().Name} rejected in {state.GetType().Name}: {err.Code}"));

    public static AuthError Reject(LoginState state, LoginEvent e, FlowSettings? settings = null) =>
        LoginFlow.Transition(settings ?? Settings, state, e).Match(d => throw new Xunit.Sdk.XunitException($"expected a rejection, got {d.State}"), err => err);

    /// <summary>The state after a login was requested and the member was sent to Wix.</summary>
    public static LoginState AtWix(OAuthData data, Prompt prompt = Prompt.Login, ResponseMode mode = ResponseMode.Fragment) =>
        Run(LoginState.Initial,
            new LoginEvent.LoginRequested(data, prompt, mode, T0),
            new LoginEvent.VisitorTokensReceived(Response("AT-1", "RT-1"), T0),
            new LoginEvent.LoginSessionCreated(AuthUrl)).State;

    /// <summary>The state while the callback's code is exchanged (its pending login taken).</summary>
    public static LoginState Exchanging(OAuthData data, string code = "CODE-1", DateTimeOffset? at = null) =>
        Run(AtWix(data), Callback(code, data.State, at ?? T0.AddMinutes(1)), new LoginEvent.PendingLoginTaken(Pending(data))).State;

    public static LoginState LoggedIn(OAuthData data) =>
        Run(Exchanging(data), new LoginEvent.CodeExchanged(Response("AT-4", "RT-4"), T0.AddMinutes(1))).State;
}

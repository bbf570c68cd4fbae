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
    public static readonly FlowSettings Settings = new("cid-1");
    public static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_915_034);

    public static OAuthData Data(byte seed = 1, string? originalUri = "http://localhost:3000/orig") =>
        PkceFunctions.GenerateOAuthData("http://localhost:3000/callback", Optional(originalUri),
                Enumerable.Range(0, PkceFunctions.RequiredEntropyBytes).Select(i => (byte)(i * 31 + seed)).ToArray())
            .Match(d => d, _ => throw new InvalidOperationException());

    public static TokenResponse Response(string access, string refresh, long expiresIn = 14_400) =>
        new(access.AsSecret(), Some(refresh.AsSecret()), expiresIn);

    public static LoginEvent Callback(string code, string state, DateTimeOffset now) =>
        new LoginEvent.CallbackReceived(new CallbackParams.Granted(code.AsSecret(), state, None), now);

    /// <summary>Runs events from a state, failing the test on a rejection; returns the final decision.</summary>
    public static Decision Run(LoginState state, params LoginEvent[] events)
    {
        var decision = new Decision(state, Seq<LoginEffect>());
        foreach (var e in events) decision = Accept(decision.State, e);
        return decision;
    }

    public static Decision Accept(LoginState state, LoginEvent e) =>
        LoginFlow.Transition(Settings, state, e).Match(d => d, err => throw new Xunit.Sdk.XunitException($"{e.GetType().Name} rejected in {state.GetType().Name}: {err.Code}"));

    public static AuthError Reject(LoginState state, LoginEvent e, FlowSettings? settings = null) =>
        LoginFlow.Transition(settings ?? Settings, state, e).Match(d => throw new Xunit.Sdk.XunitException($"expected a rejection, got {d.State}"), err => err);

    /// <summary>The state after a login was requested and the member was sent to Wix.</summary>
    public static LoginState AtWix(OAuthData data, Prompt prompt = Prompt.Login, ResponseMode mode = ResponseMode.Fragment) =>
        Run(LoginState.Initial,
            new LoginEvent.LoginRequested(data, prompt, mode, T0),
            new LoginEvent.VisitorTokensReceived(Response("AT-1", "RT-1"), T0),
            new LoginEvent.LoginSessionCreated("https://site.example/_api/oauth2/authorize?rs=1")).State;

    public static LoginState LoggedIn(OAuthData data) =>
        Run(AtWix(data), Callback("CODE-1", data.State, T0.AddMinutes(1)), new LoginEvent.CodeExchanged(Response("AT-4", "RT-4"), T0.AddMinutes(1))).State;
}

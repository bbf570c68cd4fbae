using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static Wix.Auth.Core.Flow.LoginEvent;
using PkceFunctions = Wix.Auth.Core.OAuth.Pkce;

namespace Wix.Auth.Tests.Properties.Flow;

/// <summary>
/// Model-based test: random command sequences drive the real transition function and the reference model side
/// by side; after every step they must agree, and the protocol's rules must hold.
/// </summary>
public sealed class FlowModelProperties
{
    private static readonly FlowSettings Settings = new("cid-1") { AllowedOrigins = Seq1("http://localhost:3000") };
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_795_915_034);

    private static readonly Gen<Command> AnyCommand =
        from kind in Gen.Elements(Enum.GetValues<CommandKind>())
        from later in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 120), Gen.Choose(300, 900), Gen.Choose(3_000, 15_000))
        select new Command(kind, later);

    [Property(MaxTest = 400)]
    public Property The_machine_follows_the_reference_model_and_keeps_the_rules() =>
        Prop.ForAll(AnyCommand.ListOf().ToArbitrary(), commands => Replay(commands));

    [Property(MaxTest = 200)]
    public Property Happy_paths_with_noise_still_follow_the_model() =>
        Prop.ForAll(Gen.Elements(CommandKind.Login, CommandKind.VisitorOk, CommandKind.SessionOk, CommandKind.CallbackGood, CommandKind.CodeOk,
                CommandKind.RefreshAsk, CommandKind.RefreshOk, CommandKind.CallbackReplay, CommandKind.LogoutGood)
            .SelectMany(k => Gen.Choose(0, 400).Select(s => new Command(k, s))).ListOf().ToArbitrary(), commands => Replay(commands));

    private static void Replay(IEnumerable<Command> commands)
    {
        var (state, model, now) = (LoginState.Initial, ReferenceModel.Initial, Start);
        var (logins, lastUsedState) = (0, (string?)null);
        foreach (var command in commands)
        {
            now = now.AddSeconds(command.SecondsLater);
            var fresh = Data(++logins);
            var @event = EventFor(command.Kind, now, fresh, model.Pending ?? "no-pending-state-0000000000000000000000000000", lastUsedState);
            var (expected, nextModel) = model.Step(command.Kind, now, fresh.State);
            var result = LoginFlow.Transition(Settings, state, @event);
            var actual = result.Match(_ => "ok", e => e.Code);
            Assert.True(expected == actual, $"{command.Kind} in {state.GetType().Name}: model says {expected}, machine says {actual}");

            foreach (var decision in result.RightToSeq())
            {
                CheckRules(state, @event, decision, model, now);
                Assert.Equal(nextModel.Phase, decision.State.GetType().Name);
                if (@event is CallbackReceived { Params: CallbackParams.Granted g }) lastUsedState = g.State;
                state = decision.State;
            }
            model = nextModel;
        }
    }

    private static void CheckRules(LoginState before, LoginEvent @event, Decision decision, ReferenceModel model, DateTimeOffset now)
    {
        // Member tokens exist only in Authenticated, and are stored only on the way there.
        Assert.False(decision.State is not LoginState.Authenticated && HoldsMemberTokens(decision.State), "member tokens outside Authenticated");
        Assert.False(decision.Effects.Exists(e => e is LoginEffect.StoreTokens { Tokens.Role: TokenRole.Member }) && decision.State is not LoginState.Authenticated);

        // Authenticated is entered only from Callback, which is entered only by a callback carrying the pending state.
        if (decision.State is LoginState.Authenticated && before is not LoginState.Authenticated)
            Assert.IsType<LoginState.Callback>(before);
        if (decision.State is LoginState.Callback && before is LoginState.Requested requested)
            Assert.Equal(requested.Pending.Data.State, Assert.IsType<CallbackReceived>(@event).Params.State);

        // Logging out always clears the tokens.
        if (@event is LogoutRequested) Assert.Contains(decision.Effects, e => e is LoginEffect.ClearTokens);

        // A refresh goes out exactly when the tokens are within the margin of expiry.
        if (@event is RefreshRequested) Assert.Equal(model.RefreshDue(now), decision.Effects.Exists(e => e is LoginEffect.RefreshTokens));
    }

    private static bool HoldsMemberTokens(LoginState state) => state switch
    {
        LoginState.Idle idle => idle.Visitor.Exists(v => v.Role == TokenRole.Member),
        LoginState.Requested r => r.Visitor.Exists(v => v.Role == TokenRole.Member),
        _ => false,
    };

    private static LoginEvent EventFor(CommandKind kind, DateTimeOffset now, OAuthData fresh, string pendingState, string? lastUsedState) => kind switch
    {
        CommandKind.Login => new LoginRequested(fresh, Prompt.Login, ResponseMode.Fragment, now),
        CommandKind.VisitorAsk => new VisitorTokensRequested(now),
        CommandKind.VisitorOk => new VisitorTokensReceived(Tokens("V"), now),
        CommandKind.SessionOk => new LoginSessionCreated("https://site.example/_api/oauth2/authorize?rs=1"),
        CommandKind.CallbackGood => Callback(new CallbackParams.Granted(new Secret("CODE"), pendingState, None), now),
        CommandKind.CallbackForged => Callback(new CallbackParams.Granted(new Secret("CODE"), fresh.State, None), now),
        CommandKind.CallbackReplay => Callback(new CallbackParams.Granted(new Secret("CODE"), lastUsedState ?? fresh.State, None), now),
        CommandKind.CallbackError => Callback(new CallbackParams.Denied("access_denied", "cancelled", pendingState, None), now),
        CommandKind.CodeOk => new CodeExchanged(Tokens("M"), now),
        CommandKind.RefreshAsk => new RefreshRequested(now),
        CommandKind.RefreshOk => new TokensRefreshed(Tokens("M2"), now),
        CommandKind.FailDefinitive => new RemoteCallFailed(new WixError("invalid_grant", None, Some(400), None)),
        CommandKind.FailTransient => new RemoteCallFailed(new WixError("server_error", None, Some(503), None)),
        CommandKind.LogoutGood => new LogoutRequested("http://localhost:3000/bye"),
        CommandKind.LogoutBad => new LogoutRequested("https://evil.example/bye"),
        CommandKind.LogoutSessionOk => new LogoutSessionCreated("https://site.example/_api/oauth2/logout?rs=2"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static CallbackReceived Callback(CallbackParams p, DateTimeOffset now) => new(p, now);

    private static TokenResponse Tokens(string prefix) => new(new Secret("AT-" + prefix), Some(new Secret("RT-" + prefix)), ReferenceModel.ExpiresIn);

    private static OAuthData Data(int seed) =>
        PkceFunctions.GenerateOAuthData("http://localhost:3000/callback", "http://localhost:3000/orig",
                Enumerable.Range(0, PkceFunctions.RequiredEntropyBytes).Select(i => (byte)(i * 131 + seed * 7 + seed / 256)).ToArray())
            .Match(d => d, _ => throw new InvalidOperationException());
}

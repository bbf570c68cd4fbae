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
/// by side; after every step they must agree on the outcome, the next state and every effect in order, and the
/// protocol's rules must hold.
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
        Prop.ForAll(Gen.Elements(CommandKind.Login, CommandKind.VisitorOk, CommandKind.SessionOk, CommandKind.CallbackGood, CommandKind.TakeOk,
                CommandKind.CodeOk, CommandKind.IdentityAsk, CommandKind.IdentityOk, CommandKind.RefreshAsk, CommandKind.RefreshOk, CommandKind.CallbackGood,
                CommandKind.LogoutGood)
            .SelectMany(k => Gen.Choose(0, 400).Select(s => new Command(k, s))).ListOf().ToArbitrary(), commands => Replay(commands));

    [Property(MaxTest = 200)]
    public Property Members_set_by_the_host_whose_tokens_age_log_out_as_the_model_says() =>
        Prop.ForAll(Gen.Elements(CommandKind.SetMemberTokens, CommandKind.SetVisitorTokens, CommandKind.Login, CommandKind.LogoutGood, CommandKind.RefreshAsk,
                CommandKind.RefreshOk, CommandKind.RefreshRefused, CommandKind.RefreshUnreachable, CommandKind.LogoutSessionOk, CommandKind.LogoutSessionFail)
            .SelectMany(k => Gen.OneOf(Gen.Constant(0), Gen.Choose(14_000, 14_400)).Select(s => new Command(k, s))).ListOf().ToArbitrary(), commands => Replay(commands));

    private static void Replay(IEnumerable<Command> commands)
    {
        var (state, model, now, logins) = (LoginState.Initial, ReferenceModel.Initial, Start, 0);
        foreach (var command in commands)
        {
            now = now.AddSeconds(command.SecondsLater);
            var fresh = Data(++logins);
            var @event = EventFor(command.Kind, now, fresh, model);
            var (expected, expectedEffects, nextModel) = model.Step(command.Kind, now, fresh.State);
            var result = LoginFlow.Transition(Settings, state, @event);
            var actual = result.Match(_ => "ok", e => e.Code);
            Assert.True(expected == actual, $"{command.Kind} in {state.GetType().Name}: model says {expected}, machine says {actual}");

            foreach (var decision in result.RightToSeq())
            {
                Assert.Equal(nextModel.Phase, decision.State.GetType().Name);
                Assert.Equal(expectedEffects, decision.Effects.Map(e => e.GetType().Name).ToArray());
                CheckRules(state, @event, decision, model, now);
                state = decision.State;
            }
            model = nextModel;
        }
    }

    private static void CheckRules(LoginState before, LoginEvent @event, Decision decision, ReferenceModel model, DateTimeOffset now)
    {
        // Member tokens exist only in Authenticated.
        Assert.False(decision.State is not LoginState.Authenticated && LoginQueries.TokensOf(decision.State).Exists(t => t.Role == TokenRole.Member),
            "member tokens outside Authenticated");

        // Authenticated is entered only from Callback, which is entered only by a callback carrying the expected state, or
        // by tokens the host set, whose role says they are a member's.
        if (decision.State is LoginState.Authenticated && before is not LoginState.Authenticated)
            Assert.True(before is LoginState.Callback || @event is TokensSet { Tokens.Role: TokenRole.Member }, $"Authenticated entered from {before.GetType().Name} by {@event.GetType().Name}");
        if (decision.State is LoginState.Callback && before is not LoginState.Callback)
        {
            var callback = Assert.IsType<CallbackReceived>(@event);
            Assert.Equal(callback.ExpectedState, callback.Params.State);
        }

        // Logging out always leaves the session without tokens, and nothing of it is kept while its refresh is out.
        if (@event is LogoutRequested) Assert.True(LoginQueries.TokensOf(decision.State).IsNone);
        if (decision.State is LoginState.LoggingOut) Assert.False(LoginQueries.IsWorthKeeping(decision.State));

        // Tokens set by the host never leave a login's pending login behind.
        if (@event is TokensSet && before is LoginState.Requested r)
            Assert.Contains(new LoginEffect.DeletePendingLogin(r.Pending.Data.State), decision.Effects);

        // A refresh goes out exactly when the member's tokens are within the margin of expiry.
        if (@event is RefreshRequested) Assert.Equal(model.RefreshDue(now), decision.Effects.Exists(e => e is LoginEffect.RefreshTokens));

        // The identity is fetched exactly when a member's is unknown, and its answer never changes the tokens.
        if (@event is MemberIdentityRequested)
            Assert.Equal(!LoginQueries.MemberIdentityOf(before).IsSome, decision.Effects.Exists(e => e is LoginEffect.FetchMemberIdentity));
        if (@event is MemberIdentityReceived or MemberIdentityFetchFailed) Assert.Equal(LoginQueries.TokensOf(before), LoginQueries.TokensOf(decision.State));
    }

    private static LoginEvent EventFor(CommandKind kind, DateTimeOffset now, OAuthData fresh, ReferenceModel model)
    {
        var expected = model.Pending ?? fresh.State;
        return kind switch
        {
            CommandKind.Login => new LoginRequested(fresh, Prompt.Login, ResponseMode.Fragment, now),
            CommandKind.VisitorAsk => new VisitorTokensRequested(now),
            CommandKind.VisitorOk => new VisitorTokensReceived(Tokens("V"), now),
            CommandKind.VisitorFail => new VisitorTokensFailed(Transient),
            CommandKind.SessionOk => new LoginSessionCreated("https://site.example/_api/oauth2/authorize?rs=1"),
            CommandKind.SessionFail => new LoginSessionFailed(Definitive),
            CommandKind.CallbackGood => new CallbackReceived(new CallbackParams.Granted(new Secret("CODE"), expected, null), expected, now),
            CommandKind.CallbackForged => new CallbackReceived(new CallbackParams.Granted(new Secret("CODE"), "forged-" + fresh.State, null), expected, now),
            CommandKind.CallbackError => new CallbackReceived(new CallbackParams.Denied("access_denied", "cancelled", expected, null), expected, now),
            CommandKind.TakeOk => new PendingLoginTaken(new PendingLogin(fresh with { State = expected }, Prompt.Login, ResponseMode.Fragment, model.PendingAt ?? now)),
            CommandKind.TakeGone => new PendingLoginGone(),
            CommandKind.CodeOk => new CodeExchanged(Tokens("M"), now),
            CommandKind.CodeFail => new CodeExchangeFailed(Definitive),
            CommandKind.RefreshAsk => new RefreshRequested(now),
            CommandKind.RefreshOk => new TokensRefreshed(Tokens("M2"), now),
            CommandKind.RefreshRefused => new RefreshFailed(Definitive),
            CommandKind.RefreshUnreachable => new RefreshFailed(Transient),
            CommandKind.LogoutGood => new LogoutRequested("http://localhost:3000/bye", now),
            CommandKind.LogoutBad => new LogoutRequested("https://evil.example/bye", now),
            CommandKind.LogoutSessionOk => new LogoutSessionCreated("https://site.example/_api/oauth2/logout?rs=2"),
            CommandKind.LogoutSessionFail => new LogoutSessionFailed(Transient),
            CommandKind.SetMemberTokens => new TokensSet(Tokens("S").ToTokens(now, TokenRole.Member)),
            CommandKind.SetVisitorTokens => new TokensSet(Tokens("SV").ToTokens(now, TokenRole.Visitor)),
            CommandKind.IdentityAsk => new MemberIdentityRequested(),
            CommandKind.IdentityOk => new MemberIdentityReceived(new TokenInfoReply(true, Some("MEMBER"), Some("member-1"))),
            CommandKind.IdentityFail => new MemberIdentityFetchFailed(Transient),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static readonly WixError Definitive = new("invalid_grant", None, Some(400), None);
    private static readonly WixError Transient = new("server_error", None, Some(503), None);

    private static TokenResponse Tokens(string prefix) => new(new Secret("AT-" + prefix), Some(new Secret("RT-" + prefix)), ReferenceModel.ExpiresIn);

    private static OAuthData Data(int seed) =>
        PkceFunctions.GenerateOAuthData("http://localhost:3000/callback", "http://localhost:3000/orig",
                Enumerable.Range(0, PkceFunctions.RequiredEntropyBytes).Select(i => (byte)(i * 131 + seed * 7 + seed / 256)).ToArray())
            .Match(d => d, _ => throw new InvalidOperationException());
}

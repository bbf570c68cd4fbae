using BenchmarkDotNet.Attributes;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Flow.LoginEvent;

namespace Wix.Auth.Benchmarks;

/// <summary>
/// A whole login and logout through the pure state machine, seven transitions: what the core costs a login
/// before any I/O.
/// </summary>
[MemoryDiagnoser]
public class FlowBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FlowSettings settings = new(Emulator.DemoData.ClientId);
    private readonly TokenResponse visitor = new(new Secret("AT-visitor"), Some(new Secret("RT-visitor")), 14_400);
    private readonly TokenResponse member = new(new Secret("AT-member"), Some(new Secret("RT-member")), 14_400);
    private readonly OAuthData data = Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), new byte[Pkce.RequiredEntropyBytes]));

    [Benchmark]
    public LoginState WholeLoginAndLogout()
    {
        var callback = new CallbackParams.Granted(new Secret(Inputs.Code), data.State, null);
        var state = LoginState.Initial;
        state = Step(state, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, Now));
        state = Step(state, new VisitorTokensReceived(visitor, Now));
        state = Step(state, new LoginSessionCreated("http://127.0.0.1:5099/_api/oauth2/authorize?rs=1"));
        var pending = ((LoginState.Requested)state).Pending;
        state = Step(state, new CallbackReceived(callback, data.State, Now));
        state = Step(state, new PendingLoginTaken(pending));
        state = Step(state, new CodeExchanged(member, Now));
        state = Step(state, new RefreshRequested(Now.AddHours(4))); // expired: asks for a refresh
        return Step(state, new LogoutRequested(Inputs.PostLogoutUrl, Now));
    }

    private LoginState Step(LoginState state, LoginEvent @event) =>
        Results.Right<Decision>(LoginFlow.Transition(settings, state, @event)).State;
}

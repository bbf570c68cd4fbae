using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;

namespace Wix.Auth.Effects.Tests.MemberAuth;

/// <summary>
/// The login Redirect Sessions the login flow itself makes for a social provider, a session token or web_message, against
/// the capture of @wix/sdk 1.21.16's <c>getAuthUrl</c> with the same inputs: byte for byte — except the one deliberate
/// difference, a session token always asks <c>prompt: none</c>.
/// </summary>
public sealed class FlowLoginSessionWireTests
{
    private const string Visitor = "AT-visitor-1";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_795_915_034);

    public static TheoryData<string, int, int> Cases => new()
    {
        { "google", 42, 1 },
        { "facebook, query", 43, 0 },
        { "connection", 44, 0 },
        { "web_message, prompt none", 48, 0 },
        { "web_message, session token", 49, 0 },
        { "session token, query", 46, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_flows_login_session_equals_the_sdks(string name, int call, int index)
    {
        var sdk = MemberWireTests.Request(call, index);
        var sent = sdk["body"]!["auth"]!["authRequest"]!;
        var (method, prompt, mode) = name switch
        {
            "google" => ((LoginMethod)new LoginMethod.Social(IdentityProvider.Google), Prompt.Login, ResponseMode.Fragment),
            "facebook, query" => (new LoginMethod.Social(IdentityProvider.Facebook), Prompt.Login, ResponseMode.Query),
            "connection" => (new LoginMethod.Social(IdentityProvider.Connection("c0ffee00-0000-4000-8000-000000000001")), Prompt.Login, ResponseMode.Fragment),
            "web_message, prompt none" => (LoginMethod.WixPage, Prompt.None, ResponseMode.WebMessage),
            "web_message, session token" => (new LoginMethod.WithSessionToken(new Secret("SESSION-TOKEN-1")), Prompt.None, ResponseMode.WebMessage),
            _ => (new LoginMethod.WithSessionToken(new Secret("SESSION-TOKEN-1")), Prompt.Login, ResponseMode.Query),
        };
        var data = OAuthDataLike(sent);

        var request = LoginSessionOf(new LoginRequested(data, prompt, mode, Now) { Method = method });

        var expected = sdk["body"]!.DeepClone();
        // The challenge is our verifier's: the SDK's verifier is not in the capture, and the flow checks the pair.
        expected["auth"]!["authRequest"]!["codeChallenge"] = data.CodeChallenge;
        // The one deliberate difference: the member has logged in already, so no page may be shown (the SDK sends "login").
        if (name == "session token, query") expected["auth"]!["prompt"] = "none";
        Assert.Equal(sdk["path"]!.GetValue<string>(), request.Path);
        Assert.Equal(expected.ToJsonString(), Encoding.UTF8.GetString(WireBody.Serialize(request)));
        Assert.Equal(sdk["headers"]!["Authorization"]!.GetValue<string>(), request.Authorization.Map(t => t.Reveal()).IfNone(""));
    }

    // The flow with the capture's PKCE values: the request its visitor-token answer leads to.
    private static WixRequest.LoginSession LoginSessionOf(LoginRequested login)
    {
        var settings = new FlowSettings("cid-1");
        var requested = Accepted(LoginFlow.Transition(settings, LoginState.Initial, login)).State;
        var visitor = new TokenResponse(new Secret(Visitor), Some(new Secret("RT-1")), 14_400);
        var decision = Accepted(LoginFlow.Transition(settings, requested, new VisitorTokensReceived(visitor, Now)));
        return Assert.IsType<CreateLoginSession>(decision.Call.Case).Request;
    }

    private static Decision Accepted(Either<Core.Errors.AuthError, Decision> result) =>
        result.Match(d => d, e => throw new Xunit.Sdk.XunitException(e.Code));

    // The capture's redirect URI and state, with a verifier of our own.
    private static OAuthData OAuthDataLike(JsonNode sent) =>
        new(sent["redirectUri"]!.GetValue<string>(), null, new Secret(Verifier), Pkce.CodeChallenge(Verifier), sent["state"]!.GetValue<string>());

    private const string Verifier = "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv";
}

using System.Text.Json.Nodes;
using Wix.Auth.Core.Flow;
using Wix.Auth.SpecGen.Json;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

public sealed class FlowReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("flows.json");

    [Fact]
    public void Every_flow_step_matches_the_transition_function()
    {
        var settings = VectorReader.Settings(File["settings"]!);
        var m = new Mismatches("flows.json");
        m.Check("initialState", File["initialState"], CoreJson.State(LoginState.Initial));
        foreach (var flow in File["flows"]!.AsArray())
        {
            var state = LoginState.Initial;
            var index = 0;
            foreach (var step in flow!["steps"]!.AsArray())
            {
                index++;
                var result = LoginFlow.Transition(settings, state, VectorReader.Event(step!["event"]!));
                m.Check($"{flow["name"]}, step {index}", step["expect"], CoreJson.Step(result));
                state = result.Match(d => d.State, _ => state);
            }
        }
        m.AssertNone(500);
    }

    [Fact]
    public void Login_requests_that_name_their_entropy_carry_the_oauth_data_it_generates()
    {
        var m = new Mismatches("flows.json");
        var events = File["flows"]!.AsArray().SelectMany(f => f!["steps"]!.AsArray()).Select(s => s!["event"]!).Where(e => e["entropy"] is not null);
        foreach (var e in events)
        {
            var data = e["oauthData"]!;
            var generated = Core.OAuth.Pkce.GenerateOAuthData(VectorReader.Str(data, "redirectUri"), VectorReader.OptStr(data, "originalUri"), VectorReader.Hex(VectorReader.Str(e, "entropy")));
            m.Check(e["entropy"]!.ToString(), data, generated.Match(d => (JsonNode)CoreJson.OAuthData(d), errs => JsonValue.Create(errs.Head.Code)));
        }
        m.AssertNone(100);
    }
}

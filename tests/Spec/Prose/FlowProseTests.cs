using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>The vectors <c>flow.md</c> points to exist, and the state length it asks for is the one generated.</summary>
public sealed class FlowProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("flow.md");

    [Fact]
    public void The_choice_flows_it_names_are_in_flows_json()
    {
        Assert.Contains("named `choice: …`", Page.Text, StringComparison.Ordinal);
        var names = VectorReader.Load("flows.json")["flows"]!.AsArray().Select(f => VectorReader.Str(f!, "name")).ToList();
        Assert.Contains(names, n => n.StartsWith("choice: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_generated_state_has_the_length_rule_3_1_asks_for()
    {
        Assert.Contains("a `state` of at\n      least 43 characters", Page.Text, StringComparison.Ordinal);
        var states = VectorReader.Load("pkce.json")["oauthData"]!.AsArray().Select(v => v!["expect"]!["ok"]?["state"]).OfType<System.Text.Json.Nodes.JsonNode>().ToList();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.True(s.GetValue<string>().Length >= 43));
    }
}

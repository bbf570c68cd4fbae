using System.Text.Json.Nodes;
using Wix.Auth.Conformance.CoreAdapter;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// The hand-written forms scenarios (vectors/forms-scenarios.json) through the core's deciders: the forms, external login,
/// the web_message listener and the login flow, each step's summary as the file expects it.
/// </summary>
public sealed class FormsScenarioReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("forms-scenarios.json");

    [Fact]
    public void Every_scenario_step_ends_as_the_file_says()
    {
        var m = new Mismatches("forms-scenarios.json");
        foreach (var scenario in File["scenarios"]!.AsArray())
        {
            var steps = scenario!["steps"]!.AsArray();
            var answer = CoreFunctions.Answer(new JsonObject
            {
                ["fn"] = "RunFormScenario",
                ["args"] = new JsonObject
                {
                    ["formSettings"] = (scenario["formSettings"] ?? File["formSettings"])!.DeepClone(),
                    ["flowSettings"] = File["flowSettings"]!.DeepClone(),
                    ["steps"] = steps.DeepClone(),
                },
            });
            var observed = answer["ok"]?.AsArray() ?? throw new Xunit.Sdk.XunitException($"{scenario["name"]}: {answer.ToJsonString()}");
            for (var i = 0; i < steps.Count; i++)
                m.Check($"{scenario["name"]}, step {i + 1}", steps[i]!["expect"], i < observed.Count ? observed[i] : null);
        }
        m.AssertNone(40);
    }

    [Fact]
    public void The_scenarios_the_issue_asks_for_are_there()
    {
        var names = File["scenarios"]!.AsArray().Select(s => VectorReader.Str(s!, "name")).ToList();
        foreach (var part in new[] { "wrong code, then the right one", "expired ticket", "unknown address", "captcha required", "session token to member tokens",
                     "external login with an API key", "web_message from another origin or another frame" })
            Assert.Contains(names, n => n.Contains(part, StringComparison.Ordinal));
    }
}

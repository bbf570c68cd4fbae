using System.Text.Json.Nodes;
using Wix.Auth.Conformance.CoreAdapter;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// The hand-written forms scenarios (vectors/forms-scenarios.json), each step's summary as the file expects it, replayed
/// twice: through the core's deciders (the forms, external login, the web_message listener and the login flow), and through
/// this library's interpreters with in-memory ports, a Wix scripted by the steps and the steps' clock
/// (<see cref="InterpretedFormScenario"/>).
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
    public async Task Every_scenario_step_ends_as_the_file_says_through_the_interpreters()
    {
        var m = new Mismatches("forms-scenarios.json");
        foreach (var scenario in File["scenarios"]!.AsArray())
        {
            var steps = scenario!["steps"]!.AsArray();
            var shown = await InterpretedFormScenario.RunAsync(File, scenario);
            for (var i = 0; i < steps.Count; i++)
            {
                var (expected, actual) = Comparable(VectorReader.Str(steps[i]!, "machine"), steps[i]!["expect"]!.AsObject(), shown[i].Shown, shown[i].InFlight);
                m.Check($"{scenario["name"]}, step {i + 1} (interpreters)", expected, actual);
            }
        }
        m.AssertNone(40);
    }

    // The interpreters of the forms and of external login keep their state to themselves until the run rests: a step whose
    // decision made a call shows only what reached the ports (the forms' actions and call, external login's call and its
    // Authorization). The login flow stores its state before each call, so its steps show everything. Fields come in the
    // file's order.
    private static (JsonObject Expected, JsonObject? Actual) Comparable(string machine, JsonObject expect, JsonObject? shown, bool inFlight)
    {
        string[]? visible = inFlight ? machine switch { "forms" => ["actions", "call"], "external" => ["call", "authorization"], _ => null } : null;
        if (shown is null) return (expect, null);
        var names = visible ?? [.. expect.Select(p => p.Key).Concat(shown.Select(p => p.Key)).Distinct()];
        JsonObject Pick(JsonObject from) => new(names.Where(from.ContainsKey).Select(n => KeyValuePair.Create(n, from[n]?.DeepClone())));
        return (Pick(expect), Pick(shown));
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

using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>vectors/forms-scenarios.json</c>: <c>RunFormScenario</c> once per scenario, one case per step; each step's summary is
/// compared whole (spec/forms.md, "Scenarios").
/// </summary>
public sealed class FormsScenariosFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "forms-scenarios.json";

    /// <inheritdoc />
    public string Path => "vectors/forms-scenarios.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var scenarios = file["scenarios"]!.AsArray();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i]!;
            var args = new JsonObject
            {
                ["formSettings"] = (scenario["formSettings"] ?? file["formSettings"])!.DeepClone(),
                ["flowSettings"] = file["flowSettings"]!.DeepClone(),
                ["steps"] = new JsonArray([.. scenario["steps"]!.AsArray().Select(s => (JsonNode?)Answer.Without(s!, "expect"))]),
            };
            // The scenario is asked once; each step's case reads its part of that one answer.
            JsonObject? answer = null;
            var steps = scenario["steps"]!.AsArray();
            for (var s = 0; s < steps.Count; s++)
            {
                var index = s;
                yield return new VectorCase($"scenarios[{i}] {Label.Of(scenario["name"]!.GetValue<string>())} step {s + 1}", Functions.RunFormScenario,
                    asker => (steps[index]!["expect"]!.DeepClone(), Observed(answer ??= asker.Ask(Functions.RunFormScenario, args), index)));
            }
        }
    }

    private static JsonNode? Observed(JsonObject answer, int index) =>
        Answer.Ok(answer) is JsonArray steps ? (index < steps.Count ? steps[index]?.DeepClone() : null) : answer.DeepClone();
}

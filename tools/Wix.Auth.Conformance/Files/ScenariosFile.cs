using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>vectors/scenarios.json</c>: <c>RunScenario</c> once per scenario, one case per step (only the fields its
/// <c>expect</c> names are compared, and of each call only the fields named); <c>CheckReturnUrl</c> per return URL;
/// <c>IsOrigin</c> per origin.
/// </summary>
public sealed class ScenariosFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "scenarios.json";

    /// <inheritdoc />
    public string Path => "vectors/scenarios.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var scenarios = file["scenarios"]!.AsArray();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i]!;
            var args = new JsonObject
            {
                ["settings"] = Settings(file["settings"]!, scenario["settings"]),
                ["oauthData"] = file["oauthData"]!.DeepClone(),
                ["steps"] = new JsonArray([.. scenario["steps"]!.AsArray().Select(s => (JsonNode?)Answer.Without(s!, "expect"))]),
            };
            // The scenario is asked once; each step's case reads its part of that one answer.
            JsonObject? answer = null;
            var steps = scenario["steps"]!.AsArray();
            for (var s = 0; s < steps.Count; s++)
            {
                var (index, expect) = (s, steps[s]!["expect"]!.AsObject());
                yield return new VectorCase($"scenarios[{i}] {Label.Of(scenario["name"]!.GetValue<string>())} step {s + 1}", Functions.RunScenario,
                    asker => (expect.DeepClone(), Observed(answer ??= asker.Ask(Functions.RunScenario, args), index, expect)));
            }
        }
        var returnUrls = file["returnUrls"]!;
        var cases = returnUrls["cases"]!.AsArray();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i]!;
            var args = new JsonObject { ["url"] = c["url"]!.DeepClone(), ["redirectUri"] = returnUrls["redirectUri"]!.DeepClone(), ["allowedOrigins"] = returnUrls["allowedOrigins"]!.DeepClone() };
            // The file names an error by its code alone.
            var expected = c["expect"]!["error"] is { } code ? new JsonObject { ["error"] = new JsonObject { ["code"] = code.DeepClone() } } : c["expect"]!.DeepClone();
            yield return VectorCase.Single($"returnUrls.cases[{i}] {Label.Of(c["url"]!.GetValue<string>())}", Functions.CheckReturnUrl, args, expected, a => Answer.Outcome(a, Answer.CodeOnly));
        }
        var origins = file["origins"]!.AsArray();
        for (var i = 0; i < origins.Count; i++)
        {
            var o = origins[i]!;
            yield return VectorCase.Single($"origins[{i}] {Label.Of(o["origin"]!.GetValue<string>())}", Functions.IsOrigin,
                new JsonObject { ["origin"] = o["origin"]!.DeepClone() }, new JsonObject { ["ok"] = o["valid"]!.DeepClone() }, a => Answer.Outcome(a));
        }
    }

    // The file's settings with the scenario's own replacing them field by field.
    private static JsonObject Settings(JsonNode file, JsonNode? scenario)
    {
        var merged = file.DeepClone().AsObject();
        foreach (var (name, value) in scenario?.AsObject() ?? [])
            merged[name] = value?.DeepClone();
        return merged;
    }

    // What the step ended in, cut to the fields its expectation names; of each call, the fields that call's expectation names.
    private static JsonNode? Observed(JsonObject answer, int step, JsonObject expect)
    {
        if (Answer.Ok(answer) is not JsonArray steps) return answer.DeepClone();
        if (step >= steps.Count || steps[step] is not JsonObject observed) return new JsonObject { ["missingStep"] = step + 1, ["answer"] = answer.DeepClone() };
        var cut = new JsonObject();
        foreach (var (name, expected) in expect)
            cut[name] = name == "calls" && expected is JsonArray calls && observed[name] is JsonArray sent ? Calls(calls, sent) : observed[name]?.DeepClone();
        return cut;
    }

    private static JsonArray Calls(JsonArray expected, JsonArray sent) => new([.. sent.Select((call, i) =>
        i < expected.Count && call is JsonObject c && expected[i] is JsonObject names
            ? new JsonObject(names.Select(n => KeyValuePair.Create(n.Key, c[n.Key]?.DeepClone())))
            : call?.DeepClone())]);
}

using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>vectors/forms.json</c>: <c>FormTransition</c> per step, from the state the vector expects after the step before (so
/// one wrong step fails alone), under the flow's own settings.
/// </summary>
public sealed class FormsFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "forms.json";

    /// <inheritdoc />
    public string Path => "vectors/forms.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var flows = file["flows"]!.AsArray();
        for (var f = 0; f < flows.Count; f++)
        {
            var flow = flows[f]!;
            var state = file["initialState"]!;
            var steps = flow["steps"]!.AsArray();
            for (var s = 0; s < steps.Count; s++)
            {
                var (step, before) = (steps[s]!, state);
                var name = $"flows[{f}] {Label.Of(flow["name"]!.GetValue<string>())} step {s + 1} {step["event"]!["kind"]}";
                var args = new JsonObject { ["settings"] = flow["settings"]!.DeepClone(), ["state"] = before.DeepClone(), ["event"] = step["event"]!.DeepClone() };
                yield return VectorCase.Single(name, Functions.FormTransition, args, step["expect"]!.DeepClone(), Decision);
                // A rejected step leaves the state as it was.
                state = step["expect"]!["state"] ?? before;
            }
        }
    }

    // {"ok": {state, actions, call}} is the vector's expectation; {"error": e} its {"rejected": e}.
    private static JsonNode? Decision(JsonObject answer) => answer.Count == 1 && answer["error"] is { } error
        ? new JsonObject { ["rejected"] = error.DeepClone() }
        : Answer.Ok(answer);
}

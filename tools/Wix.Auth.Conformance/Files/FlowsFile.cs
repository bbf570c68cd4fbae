using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>vectors/flows.json</c>: <c>Transition</c> per step, from the state the vector expects after the step before (so
/// one wrong step fails alone); and <c>GenerateOAuthData</c> for each login whose event names the entropy of its data.
/// </summary>
public sealed class FlowsFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "flows.json";

    /// <inheritdoc />
    public string Path => "vectors/flows.json";

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
                var args = new JsonObject { ["settings"] = file["settings"]!.DeepClone(), ["state"] = before.DeepClone(), ["event"] = step["event"]!.DeepClone() };
                yield return VectorCase.Single(name, Functions.Transition, args, step["expect"]!.DeepClone(), Decision);
                if (step["event"]!["entropy"] is { } entropy)
                {
                    var data = step["event"]!["oauthData"]!;
                    var generate = new JsonObject { ["entropy"] = entropy.DeepClone(), ["redirectUri"] = data["redirectUri"]!.DeepClone(), ["originalUri"] = data["originalUri"]?.DeepClone() };
                    yield return VectorCase.Single($"{name}: its oauthData from its entropy", Functions.GenerateOAuthData, generate,
                        new JsonObject { ["ok"] = data.DeepClone() }, a => Answer.Outcome(a));
                }
                // A rejected step leaves the state as it was.
                state = step["expect"]!["state"] ?? before;
            }
        }
    }

    // {"ok": {state, effects}} is the vector's {state, effects}; {"error": e} its {"rejected": e}.
    private static JsonNode? Decision(JsonObject answer) => answer.Count == 1 && answer["error"] is { } error
        ? new JsonObject { ["rejected"] = error.DeepClone() }
        : Answer.Ok(answer);
}

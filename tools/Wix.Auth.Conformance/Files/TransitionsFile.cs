using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>transitions.json</c>: each representative state, reached by running its <c>path</c> through <c>Transition</c> from the
/// initial state (<c>flows.json</c>'s), each step from the state the adapter answered last. Its rows are the flows of
/// <c>flows.json</c> that carry a <c>row</c>, replayed there; the initial state, with an empty path, is no case.
/// </summary>
public sealed class TransitionsFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "transitions.json";

    /// <inheritdoc />
    public string Path => "transitions.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var initial = load("vectors/flows.json")["initialState"]!;
        var states = file["states"]!.AsArray();
        for (var i = 0; i < states.Count; i++)
        {
            var s = states[i]!;
            // The initial state is reached by no step: nothing to ask.
            if (s["path"]!.AsArray().Count == 0) continue;
            yield return new VectorCase($"states[{i}] {Label.Of(s["name"]!.GetValue<string>())}", Functions.Transition,
                asker => (s["state"]!.DeepClone(), Reach(asker, file["settings"]!, initial, s["path"]!.AsArray())));
        }
    }

    // The state the path ends in, or what stopped it: a rejection, or an answer that is no decision.
    private static JsonNode? Reach(Asker asker, JsonNode settings, JsonNode initial, JsonArray path)
    {
        var state = initial.DeepClone();
        for (var step = 0; step < path.Count; step++)
        {
            var answer = asker.Ask(Functions.Transition, new JsonObject { ["settings"] = settings.DeepClone(), ["state"] = state, ["event"] = path[step]!.DeepClone() });
            if (Answer.Ok(answer) is not JsonObject { } decision || decision["state"] is not { } next)
                return new JsonObject { ["stoppedAtStep"] = step, ["answer"] = answer.DeepClone() };
            state = next.DeepClone();
        }
        return state;
    }
}

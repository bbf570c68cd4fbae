using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>Asks the adapter one function for a case: builds the request line and reads the answer line.</summary>
public sealed class Asker(IAdapter adapter, IReadOnlyList<string> functions)
{
    /// <summary>
    /// The adapter's answer to <paramref name="function"/> of <paramref name="args"/>. A line that is no JSON object comes
    /// back as <c>{"unreadable": line}</c>, so the case fails and shows it. Throws <see cref="NotImplementedByAdapter"/>
    /// when the adapter answers <c>{"notImplemented": true}</c>, or the function was left out.
    /// </summary>
    public JsonObject Ask(string function, JsonObject args)
    {
        if (functions.Count > 0 && !functions.Contains(function)) throw new NotImplementedByAdapter(function);
        // A copy: a case may ask again with the same arguments (a scenario whose first ask was not implemented).
        var line = adapter.Exchange(new JsonObject { ["fn"] = function, ["args"] = args.DeepClone() }.ToJsonString());
        JsonObject answer;
        try
        {
            answer = JsonNode.Parse(line) as JsonObject ?? new JsonObject { ["unreadable"] = line };
        }
        catch (JsonException)
        {
            answer = new JsonObject { ["unreadable"] = line };
        }
        if (answer["notImplemented"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True) throw new NotImplementedByAdapter(function);
        return answer;
    }
}

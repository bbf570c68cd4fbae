using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>How the runner reads an adapter's answer (spec/conformance.md, "Answers").</summary>
public static class Answer
{
    /// <summary>
    /// <c>{"ok": value}</c> or <c>{"error": value}</c>, as given, with <paramref name="error"/> applied to the error's value;
    /// any other answer (a <c>fault</c>, an unreadable line, both or neither) is returned whole, so it fails and shows.
    /// </summary>
    public static JsonNode Outcome(JsonObject answer, Func<JsonNode?, JsonNode?>? error = null) => answer.Count == 1 && answer.ContainsKey("ok")
        ? new JsonObject { ["ok"] = answer["ok"]?.DeepClone() }
        : answer.Count == 1 && answer.ContainsKey("error")
            ? new JsonObject { ["error"] = (error ?? (e => e?.DeepClone()))(answer["error"]) }
            : answer.DeepClone();

    /// <summary>The value of an <c>ok</c> answer; any other answer whole.</summary>
    public static JsonNode? Ok(JsonObject answer) => answer.Count == 1 && answer.ContainsKey("ok") ? answer["ok"]?.DeepClone() : answer.DeepClone();

    /// <summary>Only the <c>code</c> of an error object: what the vectors pin where they name the code alone.</summary>
    public static JsonNode? CodeOnly(JsonNode? error) => error is JsonObject o && o["code"] is { } code ? new JsonObject { ["code"] = code.DeepClone() } : error?.DeepClone();

    /// <summary>A copy of <paramref name="vector"/> without the named fields: the arguments of a case are its vector's inputs.</summary>
    public static JsonObject Without(JsonNode vector, params string[] names) =>
        new(vector.AsObject().Where(p => !names.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}

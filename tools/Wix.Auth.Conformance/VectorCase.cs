using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>
/// One check of a vector file: <paramref name="Run"/> asks the adapter what it needs and returns what the vector expects
/// beside what the adapter answered, in the same shape; the case passes when the two are equal JSON.
/// </summary>
/// <param name="Name">Where the case is in its file, and a hint of its input: <c>cases[12] fragment https://…</c>.</param>
/// <param name="Function">The function it asks first (the one reported when it is not implemented).</param>
/// <param name="Run">The check.</param>
public sealed record VectorCase(string Name, string Function, Func<Asker, (JsonNode? Expected, JsonNode? Actual)> Run)
{
    /// <summary>A case that asks <paramref name="function"/> once and compares the projection of its answer.</summary>
    public static VectorCase Single(string name, string function, JsonObject args, JsonNode? expected, Func<JsonObject, JsonNode?> project) =>
        new(name, function, asker => (expected, project(asker.Ask(function, args))));
}

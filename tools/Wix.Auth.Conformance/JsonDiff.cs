using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>Where two JSON values first differ, as a path: <c>$.ok.state.pending.createdAt</c>.</summary>
public static class JsonDiff
{
    /// <summary>The first path at which <paramref name="expected"/> and <paramref name="actual"/> differ, or null when they are equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (JsonNode.DeepEquals(expected, actual)) return null;
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var name in e.Select(p => p.Key).Concat(a.Select(p => p.Key)).Distinct())
            {
                var where = $"{path}.{name}";
                if (e.ContainsKey(name) != a.ContainsKey(name)) return where;
                if (FirstDifference(e[name], a[name], where) is { } deeper) return deeper;
            }
        }
        if (expected is JsonArray ea && actual is JsonArray aa)
        {
            for (var i = 0; i < Math.Min(ea.Count, aa.Count); i++)
                if (FirstDifference(ea[i], aa[i], $"{path}[{i}]") is { } deeper) return deeper;
            return $"{path} (length {ea.Count}, not {aa.Count})";
        }
        return path;
    }
}

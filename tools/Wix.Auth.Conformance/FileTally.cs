using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>What one file's cases came to.</summary>
public sealed class FileTally(string file)
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>Cases whose answer equals the vector.</summary>
    public int Passed { get; private set; }

    /// <summary>Cases whose answer does not, with both values.</summary>
    public List<(VectorCase Case, JsonNode? Expected, JsonNode? Actual)> Failures { get; } = [];

    /// <summary>Cases not run, by the function the adapter does not implement.</summary>
    public SortedDictionary<string, int> NotImplemented { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts one case.</summary>
    public void Add(VectorCase vectorCase, JsonNode? expected, JsonNode? actual)
    {
        if (JsonNode.DeepEquals(expected, actual)) Passed++;
        else Failures.Add((vectorCase, expected, actual));
    }

    /// <summary>Counts one case not run.</summary>
    public void Skip(string function) => NotImplemented[function] = NotImplemented.GetValueOrDefault(function) + 1;

    /// <summary>The file's line of the report: <c>pkce.json: 206 passed, 0 failed, 48 not implemented (GenerateOAuthData)</c>.</summary>
    public override string ToString()
    {
        var line = $"{File}: {Passed} passed, {Failures.Count} failed";
        var skipped = NotImplemented.Values.Sum();
        return skipped == 0 ? line : $"{line}, {skipped} not implemented ({string.Join(", ", NotImplemented.Keys)})";
    }
}

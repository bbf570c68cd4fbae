using System.Text.Json.Nodes;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>Collects every vector our code disagrees with, and fails once with the first few, so one run shows the whole picture.</summary>
internal sealed class Mismatches(string file)
{
    private readonly List<string> found = [];
    private int checkedCount;

    public void Check(string what, JsonNode? expected, JsonNode? actual)
    {
        checkedCount++;
        if (!JsonNode.DeepEquals(expected, actual))
            found.Add($"{what}\n    expected: {expected?.ToJsonString()}\n    actual:   {actual?.ToJsonString()}");
    }

    public void AssertNone(int minimumChecks)
    {
        Assert.True(checkedCount >= minimumChecks, $"Only {checkedCount} checks ran on {file}; expected at least {minimumChecks}.");
        Assert.True(found.Count == 0, $"{found.Count} of {checkedCount} checks of spec/vectors/{file} disagree with the C# code:\n  "
            + string.Join("\n  ", found.Take(5)));
    }
}

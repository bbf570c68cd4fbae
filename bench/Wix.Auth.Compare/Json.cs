using System.Text.Json;

namespace Wix.Auth.Compare;

/// <summary>One figure per line, the same shape as bench/js/sdk-bench.mjs prints, for bench/js/report.mjs.</summary>
internal static class Json
{
    public static void Print(string @case, IReadOnlyDictionary<string, object> figures, string impl = "dotnet")
    {
        var line = new Dictionary<string, object>(figures) { ["impl"] = impl, ["case"] = @case };
        Console.WriteLine(JsonSerializer.Serialize(line));
    }
}

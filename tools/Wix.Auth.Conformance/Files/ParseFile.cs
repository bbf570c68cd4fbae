using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary><c>vectors/parse.json</c>: <c>ParseFromUrl</c> per case.</summary>
public sealed class ParseFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "parse.json";

    /// <inheritdoc />
    public string Path => "vectors/parse.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var cases = file["cases"]!.AsArray();
        for (var i = 0; i < cases.Count; i++)
        {
            var v = cases[i]!;
            yield return VectorCase.Single($"cases[{i}] {v["responseMode"]} {Label.Of(v["url"]!.GetValue<string>())}", Functions.ParseFromUrl,
                Answer.Without(v, "expect"), v["expect"]!.DeepClone(), a => Answer.Outcome(a));
        }
    }
}

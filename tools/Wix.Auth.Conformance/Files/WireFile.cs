using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>vectors/wire.json</c>: <c>HttpRequest</c> for each effect's request, sent to <see cref="BaseUrl"/>; the method, the path
/// after the base URL, <c>Content-Type</c>, <c>Authorization</c> and the body text are compared (the gateway header is
/// <c>http.json</c>'s to check).
/// </summary>
public sealed class WireFile : IVectorFile
{
    /// <summary>The base URL wire.json's requests are sent to (the file names paths only).</summary>
    public const string BaseUrl = "https://www.wixapis.com";

    /// <inheritdoc />
    public string Name => "wire.json";

    /// <inheritdoc />
    public string Path => "vectors/wire.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var requests = file["requests"]!.AsArray();
        for (var i = 0; i < requests.Count; i++)
        {
            var v = requests[i]!;
            var args = new JsonObject { ["baseUrl"] = BaseUrl, ["request"] = v["effect"]!["request"]!.DeepClone() };
            yield return VectorCase.Single($"requests[{i}] {v["effect"]!["kind"]}", Functions.HttpRequest, args, v["http"]!.DeepClone(), Sent);
        }
    }

    private static JsonNode? Sent(JsonObject answer)
    {
        if (Answer.Ok(answer) is not JsonObject { } sent || sent["headers"] is not JsonObject headers || sent["url"]?.GetValue<string>() is not { } url)
            return answer.DeepClone();
        return new JsonObject
        {
            ["method"] = sent["method"]?.DeepClone(),
            ["path"] = url.StartsWith(BaseUrl, StringComparison.Ordinal) ? url[BaseUrl.Length..] : url,
            ["headers"] = new JsonObject { ["Content-Type"] = headers["Content-Type"]?.DeepClone(), ["Authorization"] = headers["Authorization"]?.DeepClone() },
            ["body"] = sent["body"]?.DeepClone(),
        };
    }
}

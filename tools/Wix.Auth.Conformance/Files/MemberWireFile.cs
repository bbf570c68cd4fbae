using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>vectors/member-wire.json</c>: <c>MemberHttpRequest</c> per request (everything byte for byte but the port's own names in
/// <c>x-wix-bi-gateway</c>, see <see cref="Gateway"/>), <c>MemberHttpResponse</c> per answer of Wix: what is read and what it means.
/// </summary>
public sealed class MemberWireFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "member-wire.json";

    /// <inheritdoc />
    public string Path => "vectors/member-wire.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var requests = file["requests"]!.AsArray();
        for (var i = 0; i < requests.Count; i++)
        {
            var v = requests[i]!;
            var http = v["http"]!;
            var parts = http["gateway"]!.AsObject();
            var expected = new JsonObject
            {
                ["method"] = http["method"]!.DeepClone(),
                ["url"] = http["url"]!.DeepClone(),
                ["headers"] = new JsonObject
                {
                    ["Content-Type"] = http["headers"]!["Content-Type"]?.DeepClone(),
                    ["Authorization"] = http["headers"]!["Authorization"]?.DeepClone(),
                    ["x-wix-bi-gateway"] = Gateway.Expected(parts),
                },
                ["body"] = http["body"]!.DeepClone(),
            };
            var args = new JsonObject { ["baseUrl"] = file["baseUrl"]!.DeepClone(), ["request"] = v["request"]!.DeepClone() };
            yield return VectorCase.Single($"requests[{i}] {Label.Of(v["name"]!.GetValue<string>())}", Functions.MemberHttpRequest, args, expected, a => Sent(a, parts));
        }
        var responses = file["responses"]!.AsArray();
        for (var i = 0; i < responses.Count; i++)
        {
            var v = responses[i]!;
            yield return VectorCase.Single($"responses[{i}] {Label.Of(v["name"]!.GetValue<string>())}", Functions.MemberHttpResponse,
                Answer.Without(v, "name", "expect"), v["expect"]!.DeepClone(), a => Answer.Ok(a));
        }
    }

    private static JsonNode? Sent(JsonObject answer, JsonObject parts)
    {
        if (Answer.Ok(answer) is not JsonObject { } sent || sent["headers"] is not JsonObject headers) return answer.DeepClone();
        return new JsonObject
        {
            ["method"] = sent["method"]?.DeepClone(),
            ["url"] = sent["url"]?.DeepClone(),
            ["headers"] = new JsonObject
            {
                ["Content-Type"] = headers["Content-Type"]?.DeepClone(),
                ["Authorization"] = headers["Authorization"]?.DeepClone(),
                ["x-wix-bi-gateway"] = Gateway.Read(headers["x-wix-bi-gateway"]?.GetValue<string>(), parts),
            },
            ["body"] = sent["body"]?.DeepClone(),
        };
    }
}

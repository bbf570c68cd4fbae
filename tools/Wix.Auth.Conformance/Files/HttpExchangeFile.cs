using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// A file of HTTP exchanges with Wix: one request function per request (everything byte for byte but the port's own names in
/// <c>x-wix-bi-gateway</c>, see <see cref="Gateway"/>), one response function per answer of Wix. The login flow's
/// <c>vectors/http.json</c> and the forms' <c>vectors/member-wire.json</c> have the same shape.
/// </summary>
/// <param name="name">The file's name under <c>vectors/</c>.</param>
/// <param name="requestFunction">The adapter's function for a request.</param>
/// <param name="responseFunction">The adapter's function for an answer.</param>
/// <param name="answer">What of the adapter's answer to an answer is compared with the vector's <c>expect</c>.</param>
public sealed class HttpExchangeFile(string name, string requestFunction, string responseFunction, Func<JsonObject, JsonNode?> answer) : IVectorFile
{
    /// <summary><c>vectors/http.json</c>: <c>HttpRequest</c> per request, <c>HttpResponse</c> per answer (the whole outcome).</summary>
    public static HttpExchangeFile Http { get; } = new("http.json", Functions.HttpRequest, Functions.HttpResponse, a => Answer.Outcome(a));

    /// <summary>
    /// <c>vectors/member-wire.json</c>: <c>MemberHttpRequest</c> per request, <c>MemberHttpResponse</c> per answer (what is read
    /// and what it means, as its <c>ok</c>).
    /// </summary>
    public static HttpExchangeFile MemberWire { get; } = new("member-wire.json", Functions.MemberHttpRequest, Functions.MemberHttpResponse, Answer.Ok);

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public string Path => "vectors/" + name;

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
            yield return VectorCase.Single($"requests[{i}] {Label.Of(v["name"]!.GetValue<string>())}", requestFunction, args, expected, a => Sent(a, parts));
        }
        var responses = file["responses"]!.AsArray();
        for (var i = 0; i < responses.Count; i++)
        {
            var v = responses[i]!;
            yield return VectorCase.Single($"responses[{i}] {Label.Of(v["name"]!.GetValue<string>())}", responseFunction,
                Answer.Without(v, "name", "expect"), v["expect"]!.DeepClone(), answer);
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

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>What <c>wire.md</c> says a request looks like, and how answers read, is what <c>http.json</c> and <c>wire.json</c> pin.</summary>
public sealed partial class WireProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("wire.md");
    private static readonly JsonObject Http = VectorReader.Load("http.json");
    private static readonly List<JsonNode> Requests = [.. Http["requests"]!.AsArray().Select(r => r!)];

    [Fact]
    public void The_base_url_and_the_content_type_are_the_vectors()
    {
        Assert.Contains($"(default `{VectorReader.Str(Http, "baseUrl")}`)", Page.Line("`POST` to the base URL"), StringComparison.Ordinal);
        var contentType = ProsePage.CodeSpans(Page.Table("| header | value |").Single(r => r[0] == "`Content-Type`")[1])[0];
        var all = Requests.Select(r => r["http"]!).Concat(VectorReader.Load("wire.json")["requests"]!.AsArray().Select(r => r!["http"]!));
        Assert.All(all, http => Assert.Equal(contentType, VectorReader.Str(http["headers"]!, "Content-Type")));
    }

    [Fact]
    public void The_fixed_parts_of_the_gateway_header_are_those_of_http_json()
    {
        foreach (var row in Page.Table("| path | `method-fqn` | `entity` |"))
        {
            var (path, fqn, entity) = (ProsePage.CodeSpans(row[0])[0], ProsePage.CodeSpans(row[1])[0], ProsePage.CodeSpans(row[2])[0]);
            var gateways = Requests.Where(r => VectorReader.Str(r["request"]!, "path") == path).Select(r => r["http"]!["gateway"]!).ToList();
            Assert.NotEmpty(gateways);
            Assert.All(gateways, g => Assert.Equal((null, null, fqn, entity),
                (g["environment"]?.GetValue<string>(), g["package-name"]?.GetValue<string>(), VectorReader.Str(g, "method-fqn"), VectorReader.Str(g, "entity"))));
        }
        Assert.Contains("`environment=<yours>,package-name=<yours>,method-fqn=<fqn>,entity=<entity>`", Page.Text, StringComparison.Ordinal);
        Assert.All(Requests, r => Assert.Equal(["environment", "package-name", "method-fqn", "entity"], r["http"]!["gateway"]!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Each_body_schema_is_the_path_members_order_and_fixed_values_of_its_requests()
    {
        foreach (var row in Page.Table("| request | path | members, in order |"))
        {
            var requests = Requests.Where(r => VectorReader.Str(r, "name") == row[0] || VectorReader.Str(r, "name").StartsWith(row[0] + ",", StringComparison.Ordinal)).ToList();
            Assert.True(requests.Count > 0, $"wire.md's request '{row[0]}' has no request of that name in http.json.");
            var members = ProsePage.CodeSpans(row[2]).Where(s => !s.StartsWith('"')).ToList();
            foreach (var r in requests)
            {
                Assert.Equal(ProsePage.CodeSpans(row[1])[0], VectorReader.Str(r["request"]!, "path"));
                using var body = JsonDocument.Parse(VectorReader.Str(r["http"]!, "body"));
                Assert.Equal(members, Names(body.RootElement));
                foreach (Match fixedValue in FixedValue().Matches(row[2]))
                    Assert.Equal(fixedValue.Groups[2].Value, Find(body.RootElement, fixedValue.Groups[1].Value));
            }
        }
    }

    [Fact]
    public void Every_escape_of_the_table_is_in_the_awkward_bodies_and_slash_is_not_escaped()
    {
        var bodies = string.Concat(Requests.Where(r => VectorReader.Str(r, "name").Contains("awkward", StringComparison.Ordinal)).Select(r => VectorReader.Str(r["http"]!, "body")));
        Assert.NotEmpty(bodies);
        foreach (var row in Page.Table("| character | written as |"))
            foreach (var escape in ProsePage.CodeSpans(row[1]).Where(s => s.StartsWith('\\') && !s.Contains('X', StringComparison.Ordinal)))
                Assert.True(bodies.Contains(escape, StringComparison.Ordinal), $"wire.md writes {row[0]} as {escape}; no awkward body of http.json shows it.");
        Assert.Contains("h/i", bodies, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_requests_repeat_is_the_one_the_table_gives()
    {
        foreach (var row in Page.Table("| request | `repeat` | why |"))
            foreach (var name in row[0].Split(", "))
            {
                var requests = Requests.Where(r => VectorReader.Str(r, "name") == name).ToList();
                Assert.True(requests.Count > 0, $"wire.md's request '{name}' has no request of that name in http.json.");
                Assert.All(requests, r => Assert.Equal(ProsePage.CodeSpans(row[1])[0], VectorReader.Str(r["request"]!, "repeat")));
            }
    }

    [Fact]
    public void The_examples_of_reading_a_failure_are_the_answers_of_http_json()
    {
        var responses = Http["responses"]!.AsArray().Select(r => r!).ToList();
        // "anything else (no body, HTML, other JSON) → `http_<status>` (`http_503`)".
        Assert.Contains("(`http_503`)", Page.Line("→ `http_<status>`"), StringComparison.Ordinal);
        Assert.Contains(responses, r => r["status"]!.GetValue<int>() == 503 && r["expect"]!["error"]?["code"]?.GetValue<string>() == "http_503");
        // "described as `field: description` joined by `; `".
        Assert.Contains("joined by `; `", Page.Text, StringComparison.Ordinal);
        var validation = responses.Where(r => r["expect"]!["error"]?["code"]?.GetValue<string>() == "validation_error").ToList();
        Assert.NotEmpty(validation);
        Assert.All(validation, r => Assert.Contains("; ", VectorReader.Str(r["expect"]!["error"]!, "description"), StringComparison.Ordinal));
    }

    // Member names in document order, depth first: the order the table lists them in.
    private static List<string> Names(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? [.. element.EnumerateObject().SelectMany(p => (IEnumerable<string>)[p.Name, .. Names(p.Value)])] : [];

    private static string? Find(JsonElement element, string name) =>
        element.ValueKind != JsonValueKind.Object ? null
        : element.EnumerateObject().Select(p => p.Name == name ? p.Value.GetString() : Find(p.Value, name)).FirstOrDefault(v => v is not null);

    [GeneratedRegex("`(\\w+)` = `\"([^\"`]+)\"`")]
    private static partial Regex FixedValue();
}

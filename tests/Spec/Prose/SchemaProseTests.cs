using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wix.Auth.Tests.Shared;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>The closed sets <c>schema.md</c> lists (kinds, error codes) and its format claims are those of the files.</summary>
public sealed partial class SchemaProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("schema.md");
    private static readonly JsonNode Table = JsonNode.Parse(File.ReadAllText(RepoRoot.File("spec", "transitions.json")))!;

    [Fact]
    public void The_kinds_of_state_are_the_tables()
    {
        var written = ProsePage.CodeSpans(Page.Passage("## States (`kind`)")).Select(s => Kind().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value);
        Assert.Equal(Kinds("stateKinds"), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_kinds_of_event_are_the_tables()
    {
        var written = Page.Table("| kind | fields |").SelectMany(r => ProsePage.CodeSpans(r[0]));
        Assert.Equal(Kinds("eventKinds"), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_kinds_of_effect_are_those_the_flows_ask_for()
    {
        var written = ProsePage.CodeSpans(Page.Passage("## Effects (`kind`)")).Select(s => Kind().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value);
        var flows = VectorReader.Load("flows.json")["flows"]!.AsArray().SelectMany(f => f!["steps"]!.AsArray())
            .SelectMany(s => s!["expect"]!["effects"]?.AsArray() ?? []).Select(e => VectorReader.Str(e!, "kind"));
        Assert.Equal(flows.Distinct().Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_error_codes_are_the_cores_closed_set()
    {
        var written = ProsePage.CodeSpans(Page.Passage("Error codes:"));
        Assert.Equal(CoverageTests.AllErrorCodes().Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_json_file_is_version_1_and_the_instant_example_is_one_the_flows_use()
    {
        Assert.Contains("`\"version\": 1`", Page.Text, StringComparison.Ordinal);
        var files = Directory.GetFiles(RepoRoot.File("spec"), "*.json", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(1, JsonNode.Parse(File.ReadAllText(f))!["version"]!.GetValue<int>()));
        var instant = ProsePage.CodeSpans(Page.Passage("Every JSON file here")).Single(s => char.IsAsciiDigit(s[0]));
        Assert.Contains($"\"{instant}\"", File.ReadAllText(RepoRoot.File("spec", "vectors", "flows.json")), StringComparison.Ordinal);
    }

    private static IOrderedEnumerable<string> Kinds(string name) => Table[name]!.AsArray().Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal);

    // A shape written as "Kind {fields}".
    [GeneratedRegex(@"^([A-Z]\w+) \{")]
    private static partial Regex Kind();
}

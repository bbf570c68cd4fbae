using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wix.Auth.Tests.Shared;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>
/// The closed sets <c>schema.md</c> lists (kinds, error codes) and its format claims are those of the files; every shape of the
/// forms' files has a row there with every field.
/// </summary>
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

    [Fact]
    public void The_json_files_the_page_calls_written_by_hand_are_those_the_generator_does_not_make()
    {
        var generated = SpecGen.SpecFiles.Generate().Select(g => g.Path).ToHashSet(StringComparer.Ordinal);
        var notGenerated = Directory.GetFiles(RepoRoot.File("spec"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoRoot.File("spec"), f).Replace('\\', '/')).Where(p => !generated.Contains(p));
        var named = ProsePage.CodeSpans(Page.Passage("Every JSON file here")).Where(s => s.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(notGenerated.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    private static readonly string[] FormsFiles = ["forms-transitions.json", "vectors/forms.json", "vectors/member-wire.json", "vectors/forms-scenarios.json"];

    [Fact]
    public void Every_shape_in_the_forms_files_is_a_row_of_the_page_with_every_field()
    {
        // A row names its shape in its first cell (a kind, or a shape's name) and its fields in code spans.
        var rows = Page.AllRows().Select(r => (Names: Words(r[0].Replace("`", "", StringComparison.Ordinal)), Fields: Words(string.Join(" ", ProsePage.CodeSpans(string.Join(" | ", r)))))).ToList();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in FormsFiles)
            foreach (var (names, fields) in Shapes(path))
                if (!rows.Any(r => names.Any(r.Names.Contains) && fields.All(r.Fields.Contains)))
                    missing.Add($"{path}: {string.Join(" or ", names)} {{{string.Join(", ", fields)}}}");
        Assert.True(missing.Count == 0, $"spec/schema.md has no row for {missing.Count} shapes of the forms' files:\n  " + string.Join("\n  ", missing.Take(20)));
    }

    [Fact]
    public void The_kinds_of_form_state_and_event_are_the_forms_tables()
    {
        var table = JsonNode.Parse(File.ReadAllText(RepoRoot.File("spec", "forms-transitions.json")))!;
        Assert.Equal(Names(table["stateKinds"]!), FirstCells("| form state | fields |"));
        Assert.Equal(Names(table["eventKinds"]!), FirstCells("| form event | fields |"));
    }

    [Fact]
    public void The_kinds_of_request_and_the_member_auth_error_codes_are_the_cores()
    {
        Assert.Equal(Nested(typeof(Core.Protocol.MemberAuthRequest)).Order(StringComparer.Ordinal), FirstCells("| request | fields |"));
        var codes = Nested(typeof(Core.Members.MemberAuthError)).Select(n => SnakeCase().Replace(n, "_$1").ToLowerInvariant());
        Assert.Equal(codes.Order(StringComparer.Ordinal), ProsePage.CodeSpans(Page.Passage("Member-auth error codes:")).Order(StringComparer.Ordinal));
    }

    // Every object of a file, once per distinct shape: the names a row may give it (its kind, else what its key means) and
    // its fields. A scenario step's event and expect are its machine's.
    private static IEnumerable<(string[] Names, string[] Fields)> Shapes(string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new List<(string[], string[])>();
        void Walk(JsonNode? node, string key, string? machine)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array) Walk(item, key, machine);
                return;
            }
            if (node is not JsonObject o) return;
            string[] names = o["kind"] is JsonValue kind && kind.GetValueKind() == System.Text.Json.JsonValueKind.String ? [kind.GetValue<string>()]
                : machine is not null && key is "event" or "expect" ? [machine]
                : key switch
                {
                    "<root>" => [Path.GetFileName(path)],
                    "member" or "identity" => ["identity"],
                    "reason" => ["memberAuthError"],
                    // A memberAuthError on forms and external, an error as in flows.json on login, formLogin and webMessage
                    // (a malformed web message's error too).
                    "rejected" => ["memberAuthError", "error"],
                    "error" => ["wixError", "failure", "memberAuthError", "error"],
                    "response" => ["tokenResponse"],
                    "ok" => ["reply", "ok", "tokenResponse", "tokenInfo"],
                    "data" => ["oauthData", "data"],
                    "flowSettings" => ["settings"],
                    "settings" or "formSettings" => ["formSettings"],
                    _ => [key],
                };
            string[] fields = [.. o.Select(p => p.Key).Where(n => n != "kind").Order(StringComparer.Ordinal)];
            if (seen.Add(string.Join(",", names) + ":" + string.Join(",", fields))) shapes.Add((names, fields));
            var stepMachine = o["machine"]?.GetValue<string>();
            foreach (var (name, value) in o) Walk(value, name, stepMachine);
        }
        Walk(JsonNode.Parse(File.ReadAllText(RepoRoot.File(["spec", .. path.Split('/')]))), "<root>", null);
        return shapes;
    }

    private static HashSet<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value)];

    private static IEnumerable<string> Names(JsonNode kinds) => kinds.AsArray().Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal);

    private static IEnumerable<string> FirstCells(string header) => Page.Table(header).SelectMany(r => ProsePage.CodeSpans(r[0])).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Nested(Type union) => union.GetNestedTypes().Where(t => t.IsSubclassOf(union)).Select(t => t.Name);

    // A name or a file name: "forms.json" is one word, "member." is "member".
    [GeneratedRegex(@"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")]
    private static partial Regex Word();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SnakeCase();

    private static IOrderedEnumerable<string> Kinds(string name) => Table[name]!.AsArray().Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal);

    // A shape written as "Kind {fields}".
    [GeneratedRegex(@"^([A-Z]\w+) \{")]
    private static partial Regex Kind();
}

using System.Text.Json.Nodes;
using Wix.Auth.SpecGen;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary><c>spec/README.md</c>: every generated file is in its table, and the numbers of its MUST table are the vectors'.</summary>
public sealed class ReadmeProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("README.md");

    [Fact]
    public void Every_generated_file_and_every_vector_file_is_in_the_table_of_files()
    {
        var listed = Page.Table("| file | what |").SelectMany(r => ProsePage.CodeSpans(r[0])).ToHashSet();
        var files = SpecFiles.Generate().Select(g => g.Path).Append("vectors/scenarios.json");
        Assert.All(files, f => Assert.Contains(f, listed));
    }

    [Fact]
    public void The_entropy_layout_and_the_url_limit_are_the_vectors()
    {
        var layout = Page.Table("| behaviour | status |").Single(r => r[0].StartsWith("verifier from 48 bytes", StringComparison.Ordinal))[0];
        Assert.Equal("verifier from 48 bytes → 64 chars; state from 32 bytes → 43 chars; 80 bytes of entropy needed", layout);
        var pkce = VectorReader.Load("pkce.json")["oauthData"]!.AsArray().Select(v => v!["expect"]!).ToList();
        Assert.All(pkce.Select(e => e["ok"]).OfType<JsonNode>(), ok => Assert.Equal((64, 43), (VectorReader.Str(ok, "codeVerifier").Length, VectorReader.Str(ok, "state").Length)));
        Assert.All(pkce.SelectMany(e => e["errors"]?.AsArray() ?? []).Where(e => VectorReader.Str(e!, "code") == "insufficient_entropy"),
            e => Assert.Equal(80, e!["required"]!.GetValue<int>()));
        var limit = VectorReader.Load("parse.json")["maxUrlLength"]!.GetValue<int>();
        Assert.Contains(Page.Table("| behaviour | status |"), r => r[0].StartsWith($"`MaxUrlLength` {limit} ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ttl_and_the_margin_are_the_flows_settings()
    {
        var row = Page.Table("| behaviour | status |").Single(r => r[0].StartsWith("pending-login TTL", StringComparison.Ordinal))[0];
        var settings = VectorReader.Load("flows.json")["settings"]!;
        var (ttl, margin) = (settings["pendingLoginTtlSeconds"]!.GetValue<long>(), settings["refreshMarginSeconds"]!.GetValue<long>());
        Assert.Equal($"pending-login TTL {ttl / 60} minutes; refresh margin {margin} s; both configurable", row);
    }
}

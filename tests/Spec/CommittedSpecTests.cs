using Wix.Auth.Tests.Shared;
using Wix.Auth.SpecGen;
using Xunit;

namespace Wix.Auth.Tests.Spec;

/// <summary>The committed spec/ is exactly what the code generates today: the spec cannot drift from the core.</summary>
public sealed class CommittedSpecTests
{
    private static readonly IReadOnlyList<(string Path, string Text)> Generated = SpecFiles.Generate();

    public static TheoryData<string> GeneratedPaths() => [.. Generated.Select(g => g.Path)];

    [Theory]
    [MemberData(nameof(GeneratedPaths))]
    public void Committed_file_equals_the_generated_one(string path)
    {
        var file = RepoRoot.File("spec", path);
        Assert.True(File.Exists(file), $"spec/{path} is missing. Regenerate with: {SpecFiles.Command}");
        var committed = File.ReadAllText(file);
        var generated = Generated.Single(g => g.Path == path).Text;
        if (committed == generated) return;
        var line = FirstDifferentLine(committed, generated);
        Assert.Fail($"spec/{path} differs from what the code generates (first at line {line.Number}:\n  committed: {line.Committed}\n  generated: {line.Generated}).\n"
            + $"If the change in behaviour is intended, regenerate with: {SpecFiles.Command}");
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("spec/README.md")]
    public void The_state_diagram_in_the_readme_is_the_generated_one(string page)
    {
        var diagram = Generated.Single(g => g.Path == "diagram.mmd").Text.Trim();
        var text = File.ReadAllText(RepoRoot.File(page.Split('/')));
        var start = text.IndexOf("```mermaid\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{page} has no Mermaid block");
        start += "```mermaid\n".Length;
        Assert.True(text[start..text.IndexOf("```", start, StringComparison.Ordinal)].Trim() == diagram,
            $"The state diagram in {page} is not the generated one; paste what {SpecFiles.Command} prints.");
    }

    [Fact]
    public void Generation_is_deterministic() =>
        Assert.Equal(Generated.Select(g => g.Text), SpecFiles.Generate().Select(g => g.Text));

    [Fact]
    public void Spec_directory_holds_only_generated_files_and_the_hand_written_docs()
    {
        // Hand-written: any Markdown page at the top of spec/ that the generator does not make, and the key scenarios, whose
        // expected outcomes are written from docs/protocol.md rather than generated (tests/Spec/Replay/ScenarioReplayTests).
        // The UTS 46 data is generated from tr46's tables, not from the core (tests/Spec/Uts46DataTests checks it).
        static bool HandWritten(string path) =>
            path is ".gitattributes" or "vectors/scenarios.json" or "vectors/forms-scenarios.json" or "data/uts46.txt"
            || (path.EndsWith(".md", StringComparison.Ordinal) && !path.Contains('/'));
        var present = Directory.GetFiles(RepoRoot.File("spec"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoRoot.File("spec"), f).Replace('\\', '/'));
        var stray = present.Except(Generated.Select(g => g.Path)).Where(p => !HandWritten(p)).ToList();
        Assert.True(stray.Count == 0, $"Files in spec/ that the generator does not make: {string.Join(", ", stray)}");
    }

    private static (int Number, string Committed, string Generated) FirstDifferentLine(string committed, string generated)
    {
        var a = committed.Split('\n');
        var b = generated.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end of file>";
            var y = i < b.Length ? b[i] : "<end of file>";
            if (x != y) return (i + 1, Clip(x), Clip(y));
        }
        return (0, "", "");
    }

    private static string Clip(string s) => s.Length > 200 ? s[..200] + "…" : s;
}

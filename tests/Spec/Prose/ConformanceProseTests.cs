using Wix.Auth.Conformance;
using Wix.Auth.Tests.Spec.Conformance;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary><c>conformance.md</c> documents every function, file and option of the runner, and its example report is a real one.</summary>
public sealed class ConformanceProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("conformance.md");

    [Fact]
    public void The_function_table_names_every_function_of_the_runner_once()
    {
        var documented = Page.Table("| function | `args` | answer | file: compared with |").Select(r => ProsePage.CodeSpans(r[0]).Single());
        Assert.Equal(Functions.All, documented);
    }

    [Fact]
    public void The_options_are_those_the_runner_takes_and_file_names_every_file()
    {
        var options = Page.Table("| option | what |").ToDictionary(r => ProsePage.CodeSpans(r[0])[0].Split(' ')[0], r => r[1]);
        Assert.Equal(["--adapter", "--file", "--function", "--spec", "--show", "--timeout"], options.Keys);
        Assert.All(options.Keys, o => Assert.Contains(o, Cli.Usage, StringComparison.Ordinal));
        Assert.Equal(VectorFiles.Names, ProsePage.CodeSpans(options["--file"]).Where(s => s.EndsWith(".json", StringComparison.Ordinal)));
        var parsed = Cli.Parse(["--adapter", "x", "--file", "pkce.json", "--function", "CodeChallenge", "--spec", "s", "--show", "3", "--timeout", "4"]);
        Assert.Equal(("x", "s", 3, TimeSpan.FromSeconds(4)), (parsed.AdapterCommand, parsed.SpecDirectory, parsed.Show, parsed.Timeout));
    }

    [Fact]
    public void The_example_report_is_what_the_runner_prints_for_that_adapter()
    {
        var example = Page.Passage("```text\nReplaying pkce.json").Split('\n').Skip(2).TakeWhile(l => l != "```");
        var run = ConformanceRun.Of(ConformanceRun.OneWrongChallenge, "--file", "pkce.json");
        // The first line names the adapter and the spec directory as given, which differ here.
        Assert.Equal(example, run.Output.TrimEnd('\n').Split('\n').Skip(1));
    }

    [Fact]
    public void The_spec_readme_links_the_kit()
    {
        Assert.Contains("[`conformance.md`](conformance.md)", ProsePage.Load("README.md").Text, StringComparison.Ordinal);
    }
}

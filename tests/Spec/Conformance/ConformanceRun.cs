using Wix.Auth.Conformance;
using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Tests.Spec.Conformance;

/// <summary>One run of the conformance runner's command line, in-process, over the repository's spec/: its exit code and its report.</summary>
internal sealed record ConformanceRun(int ExitCode, string Output)
{
    /// <summary>The C# adapter, as the runner starts it: the built assembly beside these tests.</summary>
    public static string CoreAdapter { get; } = $"dotnet \"{Path.Combine(AppContext.BaseDirectory, "Wix.Auth.Conformance.CoreAdapter.dll")}\"";

    /// <summary>The JavaScript adapter a port starts from.</summary>
    public static string JavaScriptAdapter { get; } = $"node \"{RepoRoot.File("conformance", "js", "adapter.mjs")}\"";

    /// <summary>An adapter that is right about every challenge but RFC 7636 Appendix B's.</summary>
    public static string OneWrongChallenge { get; } = $"node \"{RepoRoot.File("tests", "Spec", "Conformance", "one-wrong-challenge.mjs")}\"";

    /// <summary>Runs the runner with <paramref name="adapter"/> and <paramref name="options"/>.</summary>
    public static ConformanceRun Of(string adapter, params string[] options)
    {
        using var output = new StringWriter();
        var exit = Cli.Run(["--adapter", adapter, "--spec", RepoRoot.File("spec"), .. options], output, output);
        return new(exit, output.ToString());
    }

    /// <summary>The report's line for <paramref name="file"/>.</summary>
    public string Line(string file) =>
        Output.Split('\n').SingleOrDefault(l => l.StartsWith(file + ": ", StringComparison.Ordinal)) ?? throw new InvalidOperationException($"No line for {file} in:\n{Output}");
}

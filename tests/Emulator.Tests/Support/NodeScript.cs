using System.Diagnostics;

namespace Wix.Auth.Emulator.Tests.Support;

/// <summary>Runs a Node script of <c>tests/js</c> and returns what it printed.</summary>
internal static class NodeScript
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string script, TimeSpan timeout, params string[] args)
    {
        var jsDir = Path.Combine(RepoRoot.Path, "tests", "js");
        Assert.True(Directory.Exists(Path.Combine(jsDir, "node_modules", "@wix", "sdk")),
            "tests/js/node_modules is missing: run scripts/test.sh, or npm ci --prefix tests/js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = jsDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} ran longer than {timeout}: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}

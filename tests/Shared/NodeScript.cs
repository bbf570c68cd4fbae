using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Wix.Auth.Tests.Shared;

/// <summary>
/// Runs a script of <c>tests/js</c> under Node with the pinned <c>@wix/sdk</c> as a real peer. Fails loudly, never skips,
/// when Node or the installed SDK is missing or not the pinned version.
/// </summary>
internal static class NodeScript
{
    /// <summary>The <c>@wix/sdk</c> version the tests run against.</summary>
    public const string SdkVersion = "1.21.16";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/>, writes <paramref name="stdin"/> to it, and returns what it printed.</summary>
    public static string Run(string script, string stdin, params string[] args)
    {
        EnsureInstalled();
        var start = new ProcessStartInfo("node", [RepoRoot.File("tests", "js", script), .. args])
        {
            WorkingDirectory = RepoRoot.File("tests", "js"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var node = Start(start);
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(stdin);
        node.StandardInput.Close();
        if (!node.WaitForExit(Timeout))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"tests/js/{script} ran for more than {Timeout.TotalSeconds} s.");
        }
        if (node.ExitCode != 0) throw new InvalidOperationException($"tests/js/{script} exited with {node.ExitCode}: {stdout.Result} {stderr.Result}");
        return stdout.Result;
    }

    private static void EnsureInstalled()
    {
        var sdk = RepoRoot.File("tests", "js", "node_modules", "@wix", "sdk", "package.json");
        if (!File.Exists(sdk))
            throw new InvalidOperationException("@wix/sdk is not installed in tests/js/node_modules. Run the test command, bash scripts/test.sh "
                + "(it runs `npm ci --prefix tests/js` when the SDK is missing).");
        var installed = JsonNode.Parse(File.ReadAllText(sdk))!["version"]!.GetValue<string>();
        if (installed != SdkVersion)
            throw new InvalidOperationException($"tests/js has @wix/sdk {installed}, not {SdkVersion}: run `npm ci --prefix tests/js`.");
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is not on PATH: run the test command, bash scripts/test.sh (it installs Node on Debian).", e);
        }
    }
}

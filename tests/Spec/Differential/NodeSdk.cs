using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>What <c>@wix/sdk</c>'s <c>parseFromUrl</c> returned for one URL (or that it threw), as tests/js/differential.mjs reports it.</summary>
internal sealed record SdkParse(bool Threw, string? Code, string? State, string? Error, string? ErrorDescription, IReadOnlyDictionary<string, string[]> All);

/// <summary>The SDK's answers for a batch of cases.</summary>
internal sealed record SdkAnswers(string Version, IReadOnlyList<SdkParse> Parse, IReadOnlyList<string> Challenges);

/// <summary>
/// Runs the published SDK under Node, once for a whole batch (one process: thousands of cases in about a second).
/// Fails loudly, never skips, when Node or the installed SDK is missing.
/// </summary>
internal static class NodeSdk
{
    public const string Version = "1.21.16";

    public static SdkAnswers Run(IEnumerable<(string Url, string Mode)> parse, IEnumerable<string> challenges)
    {
        var input = JsonSerializer.Serialize(new
        {
            parse = parse.Select(p => new { url = p.Url, responseMode = p.Mode }),
            challenge = challenges,
        });
        return Read(JsonNode.Parse(RunScript("differential.mjs", input))!);
    }

    /// <summary>Runs a script of tests/js with <paramref name="args"/>, writes <paramref name="stdin"/> to it, and returns what it printed.</summary>
    public static string RunScript(string script, string stdin, params string[] args)
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
        if (!node.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            node.Kill();
            throw new TimeoutException($"tests/js/{script} ran for more than 60 s.");
        }
        if (node.ExitCode != 0) throw new InvalidOperationException($"tests/js/{script} exited with {node.ExitCode}: {stderr.Result}");
        return stdout.Result;

    }

    private static void EnsureInstalled()
    {
        var sdk = RepoRoot.File("tests", "js", "node_modules", "@wix", "sdk", "package.json");
        if (!File.Exists(sdk))
            throw new InvalidOperationException("@wix/sdk is not installed in tests/js/node_modules. Run the test command, bash scripts/test.sh "
                + "(it runs `npm ci --prefix tests/js` when the SDK is missing).");
        var installed = JsonNode.Parse(File.ReadAllText(sdk))!["version"]!.GetValue<string>();
        if (installed != Version)
            throw new InvalidOperationException($"tests/js has @wix/sdk {installed}, not {Version}: run `npm ci --prefix tests/js`.");
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

    private static SdkAnswers Read(JsonNode json) => new(
        json["sdk"]!.GetValue<string>(),
        [.. json["parse"]!.AsArray().Select(p => p!["threw"]!.GetValue<bool>()
            ? new SdkParse(true, null, null, null, null, new Dictionary<string, string[]>())
            : new SdkParse(false, S(p, "code"), S(p, "state"), S(p, "error"), S(p, "errorDescription"),
                p["all"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.AsArray().Select(v => v!.GetValue<string>()).ToArray())))],
        [.. json["challenge"]!.AsArray().Select(c => c!.GetValue<string>())]);

    private static string? S(JsonNode node, string name) => node[name]?.GetValue<string>();
}

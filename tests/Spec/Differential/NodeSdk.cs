using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Tests.Shared;

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
    public static SdkAnswers Run(IEnumerable<(string Url, string Mode)> parse, IEnumerable<string> challenges)
    {
        var input = JsonSerializer.Serialize(new
        {
            parse = parse.Select(p => new { url = p.Url, responseMode = p.Mode }),
            challenge = challenges,
        });
        return Read(JsonNode.Parse(NodeScript.Run("differential.mjs", input))!);
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

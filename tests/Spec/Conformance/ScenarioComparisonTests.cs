using System.Text.Json.Nodes;
using Wix.Auth.Conformance;
using Wix.Auth.Conformance.Files;
using Xunit;

namespace Wix.Auth.Tests.Spec.Conformance;

/// <summary>
/// How the runner compares a scenario step (scenarios.md): only the fields its <c>expect</c> names, and of each call only
/// the fields that call's expectation names; a call more or less, or a named field that differs, fails. (Every call the
/// key scenarios expect names all its fields today, so the C# adapter's run alone would not show the rule.)
/// </summary>
public sealed class ScenarioComparisonTests
{
    private static readonly JsonObject File = JsonNode.Parse("""
        {
          "settings": {"clientId": "c", "pendingLoginTtlSeconds": 600, "refreshMarginSeconds": 60, "allowedOrigins": [], "expectedIssuer": null},
          "oauthData": {"redirectUri": "https://shop.example/cb", "originalUri": null, "codeVerifier": "v", "codeChallenge": "c", "state": "s"},
          "scenarios": [{"name": "one step", "steps": [{"host": {"kind": "VisitorTokensRequested", "now": "2026-01-01T00:00:00.000Z"}, "wix": [],
            "expect": {"calls": [{"kind": "login", "state": "s"}], "state": "Requested"}}]}],
          "returnUrls": {"redirectUri": "https://shop.example/cb", "allowedOrigins": [], "cases": []},
          "origins": []
        }
        """)!.AsObject();

    private static JsonObject Observed(string state, int calls) => new()
    {
        ["calls"] = new JsonArray([.. Enumerable.Range(0, calls).Select(_ => (JsonNode?)new JsonObject { ["kind"] = "login", ["authorization"] = "AT", ["state"] = state, ["prompt"] = "login" })]),
        ["error"] = null,
        ["redirect"] = "https://wix.example/login",
        ["state"] = "Requested",
    };

    [Theory]
    [InlineData("s", 1, true)]
    [InlineData("t", 1, false)]
    [InlineData("s", 2, false)]
    [InlineData("s", 0, false)]
    public void A_step_passes_when_the_named_fields_of_the_named_calls_agree(string state, int calls, bool passes)
    {
        var adapter = new ScriptedAdapter(_ => new JsonObject { ["ok"] = new JsonArray(Observed(state, calls)) });
        var step = new ScenariosFile().Cases(File, _ => throw new InvalidOperationException()).Single();
        var (expected, actual) = step.Run(new Asker(adapter, []));
        Assert.Equal(passes, JsonNode.DeepEquals(expected, actual));
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>The settings <c>transitions.md</c> names are the ones its table and <c>flows.json</c> run under.</summary>
public sealed partial class TransitionsProseTests
{
    [Fact]
    public void The_settings_in_the_header_are_the_settings_of_the_table_and_the_flows()
    {
        var line = ProsePage.Load("transitions.md").Line("Settings (the `settings` of");
        var match = Header().Match(line);
        Assert.True(match.Success, $"transitions.md's settings line does not read as expected: {line}");
        static JsonNode? Code(string text) => text.StartsWith('`') ? text.Trim('`') : null;
        var written = new JsonObject
        {
            ["clientId"] = match.Groups["client"].Value,
            ["pendingLoginTtlSeconds"] = long.Parse(match.Groups["ttl"].Value, System.Globalization.CultureInfo.InvariantCulture),
            ["refreshMarginSeconds"] = long.Parse(match.Groups["margin"].Value, System.Globalization.CultureInfo.InvariantCulture),
            ["allowedOrigins"] = new JsonArray([.. match.Groups["origins"].Value == "none" ? [] : match.Groups["origins"].Value.Split(", ").Select(Code)]),
            ["expectedIssuer"] = Code(match.Groups["issuer"].Value),
        };
        var table = JsonNode.Parse(File.ReadAllText(Shared.RepoRoot.File("spec", "transitions.json")))!["settings"];
        Assert.True(JsonNode.DeepEquals(table, written), $"transitions.md names {written.ToJsonString()}; transitions.json runs under {table!.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(table, VectorReader.Load("flows.json")["settings"]), "transitions.json and flows.json run under different settings.");
    }

    [GeneratedRegex(@"client `(?<client>[^`]+)`, pending-login TTL (?<ttl>\d+) s, refresh margin (?<margin>\d+) s, allowed origins (?<origins>none|`[^`]+`(, `[^`]+`)*), expected issuer (?<issuer>`[^`]+`|none)")]
    private static partial Regex Header();
}

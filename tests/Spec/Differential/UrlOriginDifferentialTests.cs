using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Urls;
using Wix.Auth.Tests.Shared;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>
/// The origins of <c>spec/return-urls.md</c> against Node's WHATWG URL parser (what a browser does): every origin the
/// rules give is the browser's, but for IPv6 literals, which the rules compare as written; where the two differ, the
/// rules refuse. And no return URL of <c>urls.json</c> that the rules accept leads a browser off the allowed origins.
/// </summary>
public sealed class UrlOriginDifferentialTests
{
    private static readonly JsonObject Vectors = VectorReader.Load("urls.json");

    [Fact]
    public void Every_origin_the_rules_give_is_the_browsers_and_every_other_is_refused()
    {
        var urls = Vectors["urlOrigins"]!.AsArray().Select(v => VectorReader.Str(v!, "url")).ToList();
        var node = NodeOrigins(urls);
        var (same, refusedByUs, disagreements) = (0, 0, new List<string>());
        for (var i = 0; i < urls.Count; i++)
        {
            var ours = HttpOrigin.Of(urls[i]).MatchUnsafe(o => o, () => null);
            if (ours is null) refusedByUs++;
            else if (ours == node[i]) same++;
            else if (!ours.Contains('[', StringComparison.Ordinal)) disagreements.Add($"'{urls[i]}': ours {ours}, the browser's {node[i]}");
        }
        Assert.Empty(disagreements);
        Assert.True(same >= 25 && refusedByUs >= 25, $"only {same} agreeing and {refusedByUs} refused cases");
    }

    [Fact]
    public void No_accepted_return_url_leads_a_browser_off_the_allowed_origins()
    {
        var checkedUrls = 0;
        foreach (var table in Vectors["returnUrls"]!.AsArray())
        {
            var accepted = table!["cases"]!.AsArray().Select(c => c!["expect"]!["ok"]?.GetValue<string>()).OfType<string>().Where(u => u[0] != '/').ToList();
            if (accepted.Count == 0) continue;
            var allowed = table["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()).ToList();
            var redirect = table["redirectUri"]?.GetValue<string>();
            List<string> origins = [.. accepted, .. allowed, .. (redirect is null ? [] : new[] { redirect })];
            var node = NodeOrigins(origins);
            var permitted = node.Skip(accepted.Count).OfType<string>().ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < accepted.Count; i++, checkedUrls++)
                Assert.True(node[i] is { } o && permitted.Contains(o), $"'{accepted[i]}' is accepted, yet a browser goes to {node[i]}, not one of {string.Join(", ", permitted)}.");
        }
        Assert.True(checkedUrls >= 20, $"only {checkedUrls} accepted absolute return URLs");
    }

    private static List<string?> NodeOrigins(IReadOnlyList<string> urls) =>
        JsonSerializer.Deserialize<List<string?>>(NodeScript.Run("url-origins.mjs", JsonSerializer.Serialize(urls)))!;
}

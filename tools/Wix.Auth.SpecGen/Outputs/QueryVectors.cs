using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/queries.json</c>: the rules a host asks the core between requests (spec/queries.md) — which social
/// provider a request may name, which logins start only from the site, when a login may replace a session, how long a
/// mailed code's verification lives.
/// </summary>
public static class QueryVectors
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    /// <summary>The file's text.</summary>
    public static string Json() => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["identityProviders"] = SpecJson.Array(ProviderCases().Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = c.Name,
            ["offered"] = SpecJson.Array(c.Offered.Select(o => (JsonNode?)o)),
            ["expect"] = CoreJson.Outcome(IdentityProvider.Offered(c.Name, toSeq(c.Offered)), p => JsonValue.Create(p.Id)),
        })),
        ["sameOriginStart"] = SpecJson.Array(
            from prompt in new[] { Prompt.Login, Prompt.None }
            from social in new[] { false, true }
            select (JsonNode?)new JsonObject
            {
                ["prompt"] = Wire(prompt),
                ["social"] = social,
                ["expect"] = LoginQueries.NeedsSameOriginStart(prompt, social),
            }),
        ["replaceSession"] = SpecJson.Array(
            from prompt in new[] { Prompt.Login, Prompt.None }
            from hasSession in new[] { false, true }
            from session in new[] { None, Some("ada") }
            from loggedIn in new[] { None, Some("ada"), Some("alan") }
            select (JsonNode?)new JsonObject
            {
                ["prompt"] = Wire(prompt),
                ["hasMemberSession"] = hasSession,
                ["sessionMember"] = session.MatchUnsafe(m => (JsonNode?)m, () => null),
                ["loggedInMember"] = loggedIn.MatchUnsafe(m => (JsonNode?)m, () => null),
                ["expect"] = LoginQueries.MayReplaceSession(prompt, hasSession, session, loggedIn),
            }),
        ["verificationAge"] = SpecJson.Array(new[] { -1L, 0, 599, 600, 601, 86_400 }.Select(seconds =>
        {
            var settings = new MemberFormSettings();
            var now = T0.AddSeconds(seconds);
            return (JsonNode?)new JsonObject
            {
                ["verificationTtlSeconds"] = settings.VerificationTtl.TotalSeconds,
                ["issuedAt"] = SpecJson.Instant(T0),
                ["now"] = SpecJson.Instant(now),
                ["expect"] = MemberFormQueries.CheckVerificationAge(settings, T0, now).Match(_ => "good", e => e.Code),
            };
        })),
    });

    private static string Wire(Prompt prompt) => prompt == Prompt.None ? "none" : "login";

    private static IEnumerable<(string Name, string[] Offered)> ProviderCases()
    {
        string[] usual = ["google", "facebook"];
        yield return ("google", usual);
        yield return ("facebook", usual);
        yield return ("Google", usual);                 // exact: no case folding
        yield return ("twitter", usual);
        yield return ("", usual);
        yield return ("google", ["facebook"]);          // only what this site offers
        yield return ("c0ffee00-0000-4000-8000-000000000001", [.. usual, "c0ffee00-0000-4000-8000-000000000001"]);
        yield return ("0e6a50f5-b523-4e29-990d-f37fa2ffdd69", usual);   // Google's ID is not its name
    }
}

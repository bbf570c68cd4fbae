using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.OAuth;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary><c>spec/vectors/pkce.json</c>: verifier → S256 challenge, and entropy + URIs → OAuth data or errors.</summary>
public static class PkceVectors
{
    /// <summary>RFC 7636 Appendix B.</summary>
    public const string RfcVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /// <summary>The file's text.</summary>
    public static string Json() => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["challenges"] = SpecJson.Array(Verifiers().Select(v => (JsonNode?)new JsonObject { ["verifier"] = v, ["challenge"] = Pkce.CodeChallenge(v) })),
        ["oauthData"] = SpecJson.Array(OAuthCases().Select(c => (JsonNode?)new JsonObject
        {
            ["entropy"] = SpecJson.Hex(c.Entropy),
            ["redirectUri"] = c.RedirectUri,
            ["originalUri"] = c.OriginalUri.MatchUnsafe(u => (JsonNode?)u, () => null),
            ["expect"] = CoreJson.Generated(Pkce.GenerateOAuthData(c.RedirectUri, c.OriginalUri, c.Entropy)),
        })),
    });

    /// <summary>Appendix B, the edges of RFC 7636's length range, every symbol, then random ones (fixed seed).</summary>
    public static IEnumerable<string> Verifiers()
    {
        yield return RfcVerifier;
        yield return new string('A', 43);
        yield return new string('~', 128);
        yield return new string('A', 42);   // too short for RFC 7636, yet a challenge is defined for any ASCII text
        yield return new string('z', 129);
        yield return string.Concat(Enumerable.Repeat(Unreserved, 2))[..128];
        var random = new Random(7636);
        for (var i = 0; i < 200; i++)
            yield return new string([.. Enumerable.Range(0, random.Next(43, 129)).Select(_ => Unreserved[random.Next(Unreserved.Length)])]);
    }

    private sealed record OAuthCase(byte[] Entropy, string RedirectUri, Option<string> OriginalUri);

    private static IEnumerable<OAuthCase> OAuthCases()
    {
        var random = new Random(6749);
        byte[] Entropy(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        for (var i = 0; i < 30; i++)
            yield return new(Entropy(Pkce.RequiredEntropyBytes), "https://shop.example/callback", i % 3 == 0 ? None : Some($"https://shop.example/page/{i}?q=a+b"));
        // The byte layout at a glance: 00 01 … 4F, bytes 0-47 the verifier, 48-79 the state.
        yield return new([.. Enumerable.Range(0, Pkce.RequiredEntropyBytes).Select(i => (byte)i)], "https://shop.example/callback", None);
        yield return new(new byte[Pkce.RequiredEntropyBytes], "https://shop.example/callback", None);
        yield return new(Enumerable.Repeat((byte)0xFF, Pkce.RequiredEntropyBytes).ToArray(), "https://shop.example/callback", None);
        yield return new(Entropy(Pkce.RequiredEntropyBytes + 20), "https://shop.example/callback", None);
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "com.example.app:/oauth/callback", None);
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "http://localhost:3000/callback", Some("http://localhost:3000/"));
        yield return new(Entropy(Pkce.RequiredEntropyBytes - 1), "https://shop.example/callback", None);
        yield return new([], "https://shop.example/callback", None);
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "", None);
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "/callback", None);
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "https://shop.example/callback#fragment", None);
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "https://shop.example/callback", Some("javascript:alert(1)"));
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "https://shop.example/callback", Some("/cart"));
        yield return new(Entropy(Pkce.RequiredEntropyBytes), "https://shop.example/callback", Some("https://user:pass@shop.example/"));
        yield return new(Entropy(10), "not a uri", Some("ftp://shop.example/"));
        // Redirect URIs: custom and one-letter schemes, loopback with a port, a query; no fragment, a written-out scheme.
        foreach (var redirect in new[] { "a:/cb", "http://127.0.0.1:49152/callback", "http://[::1]:8080/cb", "https://shop.example/cb?x=1&y=2",
                     "https://shop.example/cb#", "//shop.example/cb", "shop.example/cb", "https://shop.example/c b", "https:" })
            yield return new(Entropy(Pkce.RequiredEntropyBytes), redirect, None);
        // Original URIs: http(s), absolute, a host, no user information, no backslash.
        foreach (var original in new[] { "http://localhost:3000/", "https://shop.example/a?b=1#c", "HTTPS://SHOP.EXAMPLE/", "https://shop.example\\evil.example/",
                     "https:///path", "mailto:a@b.example", "https://:pw@shop.example/" })
            yield return new(Entropy(Pkce.RequiredEntropyBytes), "https://shop.example/callback", Some(original));
        // The examples of pkce.md's tables that the cases above do not already show (tests/Spec/Prose checks every row).
        // Last, so that adding them drew no entropy away from the cases before.
        foreach (var redirect in new[] { "com.example.app:/oauth2redirect", "callback" })
            yield return new(Entropy(Pkce.RequiredEntropyBytes), redirect, None);
        // An original URI of any origin has the shape GenerateOAuthData checks; LoginRequested then checks its origin.
        foreach (var original in new[] { "https://elsewhere.example/", "/a b", "/cart?next=//evil.example", "cart", "//evil.example/", "/%2F%2Fevil.example", "/\\evil.example" })
            yield return new(Entropy(Pkce.RequiredEntropyBytes), "https://shop.example/callback", Some(original));
    }
}

using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Urls;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/urls.json</c>: the URL rules of <c>spec/pkce.md</c> (step 1, which redirect URIs are valid) and of
/// <c>spec/return-urls.md</c> (return URLs, the origin of an http(s) URL, allowed origins), a case for each way each
/// step can go.
/// </summary>
public static class UrlVectors
{
    /// <summary>The file's text.</summary>
    public static string Json() => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["redirectUris"] = SpecJson.Array(RedirectUris().Select(uri => (JsonNode?)new JsonObject { ["uri"] = uri, ["valid"] = Pkce.IsValidRedirectUri(uri) })),
        ["urlOrigins"] = SpecJson.Array(UrlOrigins().Select(url => (JsonNode?)new JsonObject
        {
            ["url"] = url,
            ["origin"] = HttpOrigin.Of(url).MatchUnsafe(o => (JsonNode?)o, () => null),
        })),
        ["returnUrls"] = SpecJson.Array(ReturnUrlTables().Select(t => (JsonNode?)new JsonObject
        {
            ["redirectUri"] = t.RedirectUri.MatchUnsafe(r => (JsonNode?)r, () => null),
            ["allowedOrigins"] = SpecJson.Array(t.AllowedOrigins.Select(o => (JsonNode?)o)),
            ["cases"] = SpecJson.Array(t.Urls.Select(url => (JsonNode?)new JsonObject
            {
                ["url"] = url,
                ["expect"] = ReturnUrl.Check(url, t.RedirectUri, toSeq(t.AllowedOrigins)).Match(
                    safe => new JsonObject { ["ok"] = safe }, error => new JsonObject { ["error"] = error.Code }),
            })),
        })),
        ["allowedOrigins"] = SpecJson.Array(AllowedOrigins().Select(o => (JsonNode?)new JsonObject { ["origin"] = o, ["valid"] = ReturnUrl.IsOrigin(o) })),
    });

    private sealed record ReturnUrlTable(Option<string> RedirectUri, string[] AllowedOrigins, IEnumerable<string> Urls);

    /// <summary>pkce.md step 1, each check in order.</summary>
    private static IEnumerable<string> RedirectUris() =>
    [
        // Accepted: http(s) with a host, a loopback port, a query; a private-use scheme with or without "//".
        "https://shop.example/callback", "HTTPS://SHOP.EXAMPLE/callback", "https://shop.example", "https://shop.example/cb?x=1&y=2",
        "http://127.0.0.1:49152/callback", "http://[::1]:8080/cb", "https://shop.example:443/cb", "https://shop.example:0/cb",
        "https://shop.example/a%20b", "com.example.app:/oauth2redirect", "com.example.app:cb", "myapp://callback", "ab:/cb", "a1+b-c.d:/cb",
        // 1. RFC 3986's characters only, every '%' an escape; no '#'.
        "", "https://shop.example/c b", "https://shop.example/c\tb", "https://shop.example/c\nb", "https:\\\\shop.example/cb",
        "https://shop.example/caf\u00e9", "https://shop.example/a\"b", "https://shop.example/a<b>", "https://shop.example/a^b",
        "https://shop.example/a`b", "https://shop.example/{x}", "https://shop.example/a|b", "https://shop.example/c%",
        "https://shop.example/c%2", "https://shop.example/c%zz", "https://shop.example/c%2g", "https://shop.example/c%2Fd%7e",
        "https://shop.example/cb#", "https://shop.example/cb#fragment",
        // 2. A scheme of two characters or more: a letter, then letters, digits, '+', '-', '.'.
        "a:/cb", "c:/x", "1a:/cb", "a_b:/cb", ":cb", "callback", "/callback", "//shop.example/cb", "shop.example/cb",
        // 3. http(s): "//", then an authority by return-urls.md's "Reading an origin".
        "https:", "https:x", "https:/x", "https://", "https:///cb", "https://user@shop.example/cb", "https://shop.example:/cb",
        "https://shop.example:65536/cb", "https://bücher.example/cb", "https://127.1/cb", "http://[::1/cb", "Http://shop.example/cb",
        // 4. Other schemes: the refused ones, then a private-use scheme needs something after its ':'.
        "about:blank", "blob:https://shop.example/x", "data:text/html,x", "file:///cb", "ftp://shop.example/cb", "javascript:alert(1)",
        "JavaScript:alert(1)", "ws://shop.example/cb", "wss://shop.example/cb", "com.example.app:",
        // 5. No dot segment in the path ('.' or '..', a dot also written %2e); the query is not the path.
        "https://shop.example/a/../cb", "https://shop.example/a/./cb", "https://shop.example/..", "https://shop.example/%2e%2E/cb",
        "https://shop.example/.%2e/cb", "https://shop.example/%2e./cb", "https://shop.example/%2e/cb", "com.example.app:/a/../cb",
        "com.example.app:..", "https://shop.example/.../cb", "https://shop.example/.well-known/cb", "https://shop.example/a.b/cb",
        "https://shop.example/%2ex/cb", "https://shop.example/cb?next=/a/../b", "https://shop.example/cb/",
        "https://shop.example?next=/a/../b", "com.example.app:?next=/a/../b",
    ];

    /// <summary>return-urls.md, "Reading an origin": each step, as WebMessageListener reads a login URL.</summary>
    private static IEnumerable<string> UrlOrigins() =>
    [
        // 1. The scheme, any case, and "//".
        "https://site.example/_api/oauth2/authorize?client_id=x", "HTTPS://SITE.EXAMPLE/x", "http://site.example/x", "Http://site.example/x",
        "ftp://site.example/", "https:site.example", "https:/site.example", "/oauth2/authorize", "site.example/x", "", "httpsx://site.example/",
        // 2. The authority ends at '/', '?', '#' or the end.
        "https://site.example", "https://site.example?x=1", "https://site.example#x", "https://site.example\\x/",
        // 3. No user information.
        "https://user@site.example/", "https://user:pw@site.example/", "https://site.example@evil.example/", "https://site.example/a@b",
        "https://site.example?@evil.example",
        // 4. The host: an IPv6 literal, compared as written.
        "https://[::1]:8443/", "https://[0:0:0:0:0:0:0:1]/", "https://[::ffff:127.0.0.1]/", "https://[::FFFF:127.0.0.1]/", "https://[::1%25eth0]/", "https://[::1/",
        "https://[::1]x/", "https://[]/", "https://[abc]/", "https://[::g]/", "https://[g::1]/",
        // 4. A domain: labels of letters, digits, '-', one final dot allowed; ASCII only.
        "https://Site.Example./x", "https://site..example/", "https://.site.example/", "https://./", "https://site.example../", "https://si_te.example/",
        "https://bücher.example/", "https://xn--bcher-kva.example/", "https://%73ite.example/", "https://-site-.example/", "https://:443/",
        // 4. A last label that is a number: dotted-decimal IPv4 only.
        "http://127.0.0.1:5000/oauth2/authorize", "http://0.0.0.0/", "http://255.255.255.255/", "http://0x7f.0.0.1/", "http://0X7F.0.0.1/",
        "http://2130706433/", "http://127.1/", "http://127.0.0.01/", "http://127.0.0.256/", "http://127.0.0.1000/", "http://127.0.0.1./", "http://1.2.3./",
        "http://1.2.3.4.5/", "http://a.0.0.1/", "http://127.0.0.99999999999/", "http://site.0x1/", "http://site.123/", "http://123.site.example/", "http://127.0.0.a1/",
        // 5. The port: 1 to 5 digits up to 65535, the default dropped; an empty port is refused.
        "https://site.example:443/", "https://site.example:0443/", "HTTPS://Site.Example:0443/x", "http://site.example:80/", "http://site.example:443/", "https://site.example:80/",
        "https://site.example:8443/", "https://site.example:65535/", "https://site.example:65536/", "https://site.example:99999/",
        "https://site.example:000443/", "https://site.example:0/", "https://site.example:/", "https://site.example:44a/", "https://site.example:-1/",
        "https://[::1]:/", "https://[::1]:8443x/",
    ];

    /// <summary>return-urls.md, the algorithm: each step against the usual settings, then the redirect URI's own origin.</summary>
    private static IEnumerable<ReturnUrlTable> ReturnUrlTables()
    {
        string[] allowed = ["https://partner.example", "http://localhost:5000/", "https://xn--bcher-kva.example", "https://[::1]:8443", "http://127.0.0.1:3000", "HTTPS://UPPER.EXAMPLE"];
        yield return new(Some("https://shop.example/callback"), allowed,
        [
            // 1. Empty, or longer than 2,048 as given.
            "", "/" + new string('a', 2047), "/" + new string('a', 2048),
            // 2. A backslash or a control character (C0, DEL, C1) anywhere.
            "/\\evil.example/", "/a\\b", "/a\tb", "/a\nb", "/a\u0000b", "/a\u001fb", "/a\u007fb", "/a\u0080b", "/a\u0085b", "/a\u009fb",
            "https://shop.example\\@evil.example",
            // 3. Encoding: printable ASCII kept, the rest UTF-8 escapes; again at most 2,048.
            "/caf\u00e9?q=a b", "/\ud83d\ude00", "/a\u00a0b", "/!~", "/!~ a", "/~\u00e9!", "/a%2fb", "/100%", "/a%zz",
            "/" + new string('\u00e9', 341) + "a", "/" + new string('\u00e9', 341) + "ab", "/" + new string('\u00e9', 682),
            // 4. Decoded forms: UTF-8, no backslash or control character, up to three decodings.
            "/%5Cevil.example", "/x%00", "/x%1F", "/x%7F", "/x%C2%85", "/x%C2%9F", "/x%C2%A0", "/x%20", "/x%C3%A9", "/x%7E",
            "/%C0%AF%C0%AFevil.example", "/%E9", "/%ED%A0%80", "/%F4%90%80%80", "/%F0%9F%98%80", "/%25C0%25AF", "/%25", "/a%2", "/a%", "/a%0g", "/a%g0",
            "https://shop.example/%5C", "https://shop.example/%E9", "https://shop.example/%2F%2Fevil.example",
            // 5. A local path: not "//" or "/\", also once, twice or three times decoded.
            "/", "/cart", "//evil.example/", "/%2F%2Fevil.example/", "/%2fcart", "/%5c%5cevil.example", "/%252F/evil.example",
            "/%252F%252Fevil.example", "/%25252F%25252Fevil.example", "/%2525252F%2525252Fevil.example", "/a%2F%2Fb",
            "/cart?next=//evil.example", "/./x", "/../x",
            // 6. An absolute URL: http(s), its origin by "Reading an origin".
            "https://shop.example/cart", "HTTPS://SHOP.EXAMPLE/cart", "https://shop.example", "https://shop.example?x", "https://shop.example#top",
            "https://shop.example/a/../cart", "ftp://shop.example/", "javascript:alert(1)", "https:shop.example/cart", "https:/shop.example/cart",
            "https:", "https://", "https:///path", "shop.example/cart", "cart", "https://user@shop.example/", "https://user:pw@shop.example/",
            "https://shop.example@evil.example/", "https://shop.example/a@b", "https://b\u00fccher.example/", "https://xn--bcher-kva.example/",
            "https://shop..example/", "https://sh_op.example/", "https://%73hop.example/",
            "http://127.0.0.1:3000/cb", "http://0x7f.0.0.1:3000/cb", "http://2130706433:3000/cb", "http://127.1:3000/cb", "http://127.0.0.01:3000/cb",
            "http://127.0.0.1.:3000/cb", "http://127.0.0.2:3000/cb",
            "https://[::1]:8443/x", "https://[0:0:0:0:0:0:0:1]:8443/x", "https://[::1]/x", "https://[::1%25eth0]:8443/x",
            "https://shop.example:443/cart", "https://shop.example:0443/cart", "https://shop.example:/cart", "https://shop.example:65536/",
            // 7. The comparison: the redirect URI's origin, or an allowed one (as configured, trailing '/' removed, any case).
            "https://shop.example:8443/cart", "http://shop.example/cart", "https://shop.example./cart", "https://www.shop.example/",
            "https://evil.example/", "https://shop.example.evil.example/", "https://partner.example/x", "https://Partner.Example/x",
            "https://partner.example:443/x", "http://partner.example/x", "http://localhost:5000/x", "http://LOCALHOST:5000", "http://localhost/x",
            "http://127.0.0.1:5000/x", "https://upper.example/x",
        ]);
        // The redirect URI's origin is read as any other: case and a default port do not matter.
        yield return new(Some("HTTPS://Shop.Example:443/callback"), [], ["https://shop.example/cart", "https://SHOP.example:443/cart", "/cart"]);
        // A redirect URI without an origin (a private-use scheme), or none: only local paths and allowed origins.
        yield return new(Some("com.example.app:/oauth2redirect"), ["https://partner.example/"], ["/cart", "https://shop.example/cart", "https://partner.example/x"]);
        yield return new(None, [], ["/cart", "https://shop.example/cart"]);
    }

    /// <summary>return-urls.md, "Allowed origins".</summary>
    private static IEnumerable<string> AllowedOrigins() =>
    [
        "https://partner.example", "https://partner.example/", "https://partner.example//", "HTTPS://PARTNER.EXAMPLE", "https://partner.example:8443",
        "https://partner.example:443", "http://partner.example:80", "http://partner.example:443", "https://partner.example:08443", "https://partner.example:",
        "https://partner.example/shop", "https://partner.example?x", "https://partner.example#x", "https://user@partner.example", "ftp://partner.example",
        "partner.example", "https://b\u00fccher.example", "https://xn--bcher-kva.example", "https://[::1]:8443", "http://127.0.0.1:3000", "http://127.1",
        "https://partner.example.", "", "https://",
    ];
}

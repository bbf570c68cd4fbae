using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Urls;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// <c>spec/vectors/urls.json</c> through the core: which redirect URIs a login may name (also through
/// <c>GenerateOAuthData</c>), the origin of an http(s) URL (also as the <c>web_message</c> listener reads its login URL),
/// return URLs against each table's redirect URI and allowed origins, and which allowed origins are valid.
/// </summary>
public sealed class UrlReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("urls.json");

    [Fact]
    public void Every_redirect_uri_is_valid_or_not_as_written()
    {
        var m = new Mismatches("urls.json");
        foreach (var v in File["redirectUris"]!.AsArray())
        {
            var uri = VectorReader.Str(v!, "uri");
            m.Check($"redirectUris: '{uri}'", v!["valid"], Pkce.IsValidRedirectUri(uri));
            var refused = Pkce.GenerateOAuthData(uri, LanguageExt.Prelude.None, new byte[Pkce.RequiredEntropyBytes]).Match(_ => false, errors => errors.Exists(e => e.Code == "invalid_redirect_uri"));
            m.Check($"redirectUris: '{uri}' (GenerateOAuthData)", v["valid"], !refused);
        }
        m.AssertNone(100);
    }

    [Fact]
    public void Every_url_has_the_origin_written_and_the_web_message_listener_waits_for_it()
    {
        var m = new Mismatches("urls.json");
        foreach (var v in File["urlOrigins"]!.AsArray())
        {
            var url = VectorReader.Str(v!, "url");
            m.Check($"urlOrigins: '{url}'", v!["origin"], HttpOrigin.Of(url).MatchUnsafe(o => (JsonNode?)o, () => null));
            var listener = WebMessageListener.For(url, "state", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));
            m.Check($"urlOrigins: '{url}' (web_message)", v["origin"] ?? "invalid_url", listener.Match(l => l.AuthorizeOrigin, e => e.Code));
        }
        m.AssertNone(140);
    }

    [Fact]
    public void Every_return_url_answers_as_written()
    {
        var m = new Mismatches("urls.json");
        foreach (var table in File["returnUrls"]!.AsArray())
        {
            var redirectUri = VectorReader.OptStr(table!, "redirectUri");
            var allowed = table!["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()).ToSeq();
            foreach (var c in table["cases"]!.AsArray())
            {
                var url = VectorReader.Str(c!, "url");
                var answer = ReturnUrl.Check(url, redirectUri, allowed).Match(ok => new JsonObject { ["ok"] = ok }, e => new JsonObject { ["error"] = e.Code });
                m.Check($"returnUrls: '{url}' with {redirectUri}", c!["expect"], answer);
            }
        }
        m.AssertNone(120);
    }

    [Fact]
    public void Every_allowed_origin_is_valid_or_not_as_written()
    {
        var m = new Mismatches("urls.json");
        foreach (var o in File["allowedOrigins"]!.AsArray())
            m.Check($"allowedOrigins: '{o!["origin"]}'", o["valid"], ReturnUrl.IsOrigin(VectorReader.Str(o, "origin")));
        m.AssertNone(20);
    }
}

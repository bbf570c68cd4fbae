using System.Text.Json.Nodes;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>The example URLs and origins of <c>return-urls.md</c> answer in <c>urls.json</c> as their sentences say.</summary>
public sealed class ReturnUrlsProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("return-urls.md");
    private static readonly JsonObject Vectors = VectorReader.Load("urls.json");

    [Fact]
    public void The_valid_and_refused_allowed_origins_are_so_in_the_vectors()
    {
        var sentence = Page.Passage("An allowed origin is valid when");
        var split = sentence.IndexOf(" are valid;", StringComparison.Ordinal);
        var (valid, refused) = (ProsePage.CodeSpans(sentence[sentence.LastIndexOf("So ", split, StringComparison.Ordinal)..split]), ProsePage.CodeSpans(sentence[split..]));
        Assert.NotEmpty(valid);
        Assert.NotEmpty(refused);
        var origins = Vectors["allowedOrigins"]!.AsArray().ToDictionary(o => VectorReader.Str(o!, "origin"), o => o!["valid"]!.GetValue<bool>());
        foreach (var (list, validity) in new[] { (valid, true), (refused, false) })
            foreach (var origin in list)
            {
                Assert.True(origins.TryGetValue(origin, out var actual), $"return-urls.md's origin '{origin}' is no case of urls.json's allowedOrigins.");
                Assert.True(actual == validity, $"return-urls.md says '{origin}' is {(validity ? "valid" : "refused")}; urls.json says otherwise.");
            }
    }

    // (a URL as "Reading an origin" writes it, the origin its sentence gives it)
    [Theory]
    [InlineData("HTTPS://Site.Example:0443/x", "https://site.example")]
    [InlineData("http://site.example:443/", "http://site.example:443")]
    [InlineData("https://Site.Example./x", "https://site.example.")]
    public void An_example_origin_is_the_one_its_sentence_gives(string url, string origin) =>
        Assert.Equal(origin, UrlOrigin(url));

    // (a URL "Reading an origin" says has none)
    [Theory]
    [InlineData("https:site.example")]
    [InlineData("https:/site.example")]
    [InlineData("ftp://site.example/")]
    [InlineData("/oauth2/authorize")]
    [InlineData("site.example/x")]
    [InlineData("https://user@site.example/")]
    [InlineData("https://site.example@evil.example/")]
    public void An_example_url_without_an_origin_has_none_in_the_vectors(string url)
    {
        Assert.True(ProsePage.CodeSpans(Page.Text).Contains(url), $"return-urls.md no longer writes `{url}`: update this test with the example it now gives.");
        Assert.Null(UrlOrigin(url));
    }

    [Fact]
    public void The_hosts_step_4_refuses_and_accepts_are_so_in_the_vectors()
    {
        foreach (var (host, accepted) in new[] { ("[::1]", true), ("[::ffff:127.0.0.1]", true), ("[]", false), ("[abc]", false), ("[::g]", false), ("[::1%25eth0]", false),
                     ("site..example", false), (".site.example", false), ("site.example..", false), ("xn--bcher-kva.example", true), ("bücher.example", false),
                     ("127.0.0.1", true), ("0.0.0.0", true), ("127.1", false), ("2130706433", false), ("0x7f.0.0.1", false), ("127.0.0.01", false),
                     ("127.0.0.256", false), ("127.0.0.1.", false), ("1.2.3.4.5", false), ("site.123", false), ("site.0x1", false) })
        {
            Assert.True(ProsePage.CodeSpans(Page.Text).Contains(host), $"return-urls.md no longer writes `{host}`: update this test with the example it now gives.");
            var url = Vectors["urlOrigins"]!.AsArray().Select(v => VectorReader.Str(v!, "url")).FirstOrDefault(u => u.Contains($"//{host}/", StringComparison.Ordinal) || u.Contains($"//{host}:", StringComparison.Ordinal));
            Assert.True(url is not null, $"urls.json's urlOrigins has no URL on return-urls.md's host `{host}`.");
            Assert.True((UrlOrigin(url) is not null) == accepted, $"return-urls.md {(accepted ? "accepts" : "refuses")} the host `{host}`; urls.json says otherwise for {url}.");
        }
    }

    // (the URL as return-urls.md writes it, what its sentence says happens to it)
    [Theory]
    [InlineData("/%5Cevil.example", "invalid_return_url")]
    [InlineData("/x%00", "invalid_return_url")]
    [InlineData("/x%7F", "invalid_return_url")]
    [InlineData("/x%C2%85", "invalid_return_url")]
    [InlineData("/%C0%AF%C0%AFevil.example", "invalid_return_url")]
    [InlineData("/%E9", "invalid_return_url")]
    [InlineData("/%ED%A0%80", "invalid_return_url")]
    [InlineData("/%25C0%25AF", "invalid_return_url")]
    [InlineData("/%2F%2Fevil.example/", "invalid_return_url")]
    [InlineData("/%252F/evil.example", "invalid_return_url")]
    [InlineData("/%25252F%25252Fevil.example", "invalid_return_url")]
    [InlineData("/%2525252F%2525252Fevil.example", "ok")]
    [InlineData("/100%", "ok")]
    [InlineData("/cart?next=//evil.example", "ok")]
    [InlineData("/a%2F%2Fb", "ok")]
    [InlineData("/../x", "ok")]
    [InlineData("shop.example/cart", "invalid_return_url")]
    [InlineData("cart", "invalid_return_url")]
    [InlineData("ftp://shop.example/", "invalid_return_url")]
    [InlineData("javascript:alert(1)", "invalid_return_url")]
    [InlineData("https:shop.example/cart", "invalid_return_url")]
    [InlineData("https:///path", "invalid_return_url")]
    [InlineData("https://user@shop.example/", "invalid_return_url")]
    [InlineData("http://127.1:3000/cb", "invalid_return_url")]
    [InlineData("https://shop.example:/cart", "invalid_return_url")]
    [InlineData("https://bücher.example/", "invalid_return_url")]
    [InlineData("https://shop.example/a/../cart", "ok")]
    [InlineData("https://shop.example#top", "ok")]
    [InlineData("HTTPS://SHOP.EXAMPLE/cart", "ok")]
    [InlineData("https://shop.example:0443/cart", "ok")]
    [InlineData("http://LOCALHOST:5000", "ok")]
    public void An_example_url_answers_as_its_sentence_says(string url, string answer)
    {
        Assert.True(ProsePage.CodeSpans(Page.Text).Contains(url), $"return-urls.md no longer writes `{url}`: update this test with the example it now gives.");
        var vector = Vectors["returnUrls"]![0]!["cases"]!.AsArray().FirstOrDefault(c => VectorReader.Str(c!, "url") == url);
        Assert.True(vector is not null, $"urls.json's first returnUrls table has no case for return-urls.md's `{url}`.");
        var expect = vector["expect"]!;
        // An accepted URL is returned as given when it is already printable ASCII, as all of these are.
        Assert.Equal(answer, expect["ok"] is { } ok ? (ok.GetValue<string>() == url ? "ok" : $"ok {ok}") : expect["error"]!.GetValue<string>());
    }

    [Fact]
    public void The_redirect_uris_origin_is_read_the_same_way()
    {
        Assert.Contains("HTTPS://Shop.Example:443/callback", ProsePage.CodeSpans(Page.Text));
        var table = Vectors["returnUrls"]!.AsArray().Single(t => t!["redirectUri"]?.GetValue<string>() == "HTTPS://Shop.Example:443/callback")!;
        Assert.All(table["cases"]!.AsArray(), c => Assert.NotNull(c!["expect"]!["ok"]));
    }

    private static string? UrlOrigin(string url) =>
        Vectors["urlOrigins"]!.AsArray().FirstOrDefault(v => VectorReader.Str(v!, "url") == url) is { } v
            ? v["origin"]?.GetValue<string>()
            : throw new Xunit.Sdk.XunitException($"urls.json's urlOrigins has no case for return-urls.md's `{url}`.");
}

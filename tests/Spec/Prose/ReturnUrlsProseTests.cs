using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>The example URLs and origins of <c>return-urls.md</c> answer in <c>scenarios.json</c> as their sentences say.</summary>
public sealed class ReturnUrlsProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("return-urls.md");
    private static readonly System.Text.Json.Nodes.JsonObject Vectors = VectorReader.Load("scenarios.json");

    [Fact]
    public void The_valid_and_refused_origins_are_so_in_the_vectors()
    {
        var sentence = Page.Passage("Allowed origins are **not** normalised");
        var split = sentence.IndexOf(" are valid;", StringComparison.Ordinal);
        var (valid, refused) = (ProsePage.CodeSpans(sentence[sentence.LastIndexOf("So ", split, StringComparison.Ordinal)..split]), ProsePage.CodeSpans(sentence[split..]));
        Assert.NotEmpty(valid);
        Assert.NotEmpty(refused);
        var origins = Vectors["origins"]!.AsArray().ToDictionary(o => VectorReader.Str(o!, "origin"), o => o!["valid"]!.GetValue<bool>());
        foreach (var (list, validity) in new[] { (valid, true), (refused, false) })
            foreach (var origin in list)
            {
                Assert.True(origins.TryGetValue(origin, out var actual), $"return-urls.md's origin '{origin}' is no case of scenarios.json's origins.");
                Assert.True(actual == validity, $"return-urls.md says '{origin}' is {(validity ? "valid" : "refused")}; scenarios.json says otherwise.");
            }
    }

    // (the URL as return-urls.md writes it, what its sentence says happens to it)
    [Theory]
    [InlineData("/%5Cevil.example", "invalid_return_url")]
    [InlineData("/x%00", "invalid_return_url")]
    [InlineData("/%2F%2Fevil.example/", "invalid_return_url")]
    [InlineData("/%252F/evil.example", "invalid_return_url")]
    [InlineData("/cart?next=//evil.example", "ok")]
    [InlineData("shop.example/cart", "invalid_return_url")]
    [InlineData("https://shop.example/a/../cart", "ok")]
    [InlineData("https://shop.example#top", "ok")]
    [InlineData("https://bücher.example/", "invalid_return_url")]
    [InlineData("HTTPS://SHOP.EXAMPLE/cart", "ok")]
    public void An_example_url_answers_as_its_sentence_says(string url, string answer)
    {
        Assert.True(ProsePage.CodeSpans(Page.Text).Contains(url), $"return-urls.md no longer writes `{url}`: update this test with the example it now gives.");
        var vector = Vectors["returnUrls"]!["cases"]!.AsArray().FirstOrDefault(c => VectorReader.Str(c!, "url") == url);
        Assert.True(vector is not null, $"scenarios.json's returnUrls has no case for return-urls.md's `{url}`.");
        var expect = vector["expect"]!;
        // An accepted URL is returned as given when it is already printable ASCII, as all of these are.
        Assert.Equal(answer, expect["ok"] is { } ok ? (ok.GetValue<string>() == url ? "ok" : $"ok {ok}") : expect["error"]!.GetValue<string>());
    }
}

using System.Text.Json.Nodes;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>
/// The examples of <c>parsing.md</c>, each read as the claim its sentence makes, are what <c>parse.json</c> answers.
/// </summary>
public sealed class ParsingProseTests
{
    private const string Base = "https://shop.example/callback";
    private const string Params = "code=abc&state=xyz";
    private static readonly ProsePage Page = ProsePage.Load("parsing.md");
    private static readonly JsonObject Vectors = VectorReader.Load("parse.json");

    [Fact]
    public void The_length_limit_is_the_vectors_limit()
    {
        var limit = Vectors["maxUrlLength"]!.GetValue<int>();
        Assert.Contains($"| error `url_too_long` | `limit`: {limit} |", Page.Text, StringComparison.Ordinal);
        Assert.Contains($"more than **{limit:N0} UTF-16 code units**", Page.Text, StringComparison.Ordinal);
        var limits = Vectors["cases"]!.AsArray().Select(c => c!["expect"]!["error"]).Where(e => e?["code"]?.GetValue<string>() == "url_too_long").ToList();
        Assert.NotEmpty(limits);
        Assert.All(limits, e => Assert.Equal(limit, e!["limit"]!.GetValue<int>()));
    }

    // (the example as parsing.md writes it, the vector's URL that shows it, what the sentence says it gives)
    [Theory]
    // Step 6, the component.
    [InlineData("#?code=…", $"{Base}#?{Params}", "granted code=abc")]
    [InlineData("?code", $"{Base}#??{Params}", "missing_parameter code")]
    // Step 8, decoding.
    [InlineData("%c3%a9", $"{Base}#code=%c3%a9&state=%C3%A9", "granted code=é")]
    [InlineData("%80", $"{Base}#code=%80&state=%7f", "granted code=\uFFFD")]
    [InlineData("%2525", $"{Base}#code=%2525&state=%252", "granted code=%25")]
    // Step 9, which names are the protocol's, and which duplicate is named.
    [InlineData("c%6Fde", $"{Base}#c%6Fde=abc&st%61te=xyz", "granted code=abc")]
    [InlineData("CODE", $"{Base}#CODE=abc&State=xyz", "missing_parameter code")]
    [InlineData("code ", $"{Base}#code%20=abc&state=xyz", "missing_parameter code")]
    [InlineData("code=a&state=x&code=", $"{Base}#code=a&state=x&code=", "duplicate_parameter code")]
    [InlineData("code=a&state=x&state=y&code=b", $"{Base}#code=a&state=x&state=y&code=b", "duplicate_parameter state")]
    // Step 11, an empty error.
    [InlineData("error=&code=abc&state=xyz", $"{Base}#error=&code=abc&state=xyz", "granted code=abc")]
    // Absolute URLs: schemes.
    [InlineData("a:", $"a:#{Params}", "granted")]
    [InlineData("com.example.app:/cb", $"com.example.app:/cb#{Params}", "granted")]
    [InlineData("1a:", $"1a:/cb#{Params}", "invalid_url")]
    [InlineData("a_b:", $"a_b:/cb#{Params}", "invalid_url")]
    [InlineData(":x", $":x#{Params}", "invalid_url")]
    // Special schemes: slashes, ports, IPv6.
    [InlineData("https:a.example", $"https:a.example/cb#{Params}", "granted")]
    [InlineData("https:\\\\a.example", $"https:\\\\a.example/cb#{Params}", "granted")]
    [InlineData("https:///a.example", $"https:///a.example/cb#{Params}", "granted")]
    [InlineData("https://shop.example:/cb", $"https://shop.example:/cb#{Params}", "granted")]
    [InlineData(":65536", $"http://a.example:65536/cb#{Params}", "invalid_url")]
    [InlineData(":8a", $"http://a.example:8a/cb#{Params}", "invalid_url")]
    [InlineData(":-1", $"http://a.example:-1/cb#{Params}", "invalid_url")]
    [InlineData(":+80", $"http://a.example:+80/cb#{Params}", "invalid_url")]
    [InlineData("[::ffff:127.0.0.1]", $"http://[::ffff:127.0.0.1]/cb#{Params}", "granted")]
    [InlineData("a+%62.example", $"https://a+%62.example/cb#{Params}", "granted")]
    [InlineData("[fe80::1%25eth0]", $"http://[fe80::1%25eth0]/cb#{Params}", "invalid_url")]
    [InlineData("[127.0.0.1]", $"http://[127.0.0.1]/cb#{Params}", "invalid_url")]
    // Domains.
    [InlineData("a..b", $"https://a..b/cb#{Params}", "granted")]
    [InlineData("xn--bcher-kva", $"https://xn--bcher-kva.example/cb#{Params}", "granted")]
    [InlineData("xn--a", $"https://xn--a/cb#{Params}", "invalid_url")]
    [InlineData("a%2Fb.example", $"https://a%2Fb.example/cb#{Params}", "invalid_url")]
    [InlineData("a%00b.example", $"https://a%00b.example/cb#{Params}", "invalid_url")]
    [InlineData("ex%zzample.com", $"https://ex%zzample.com/cb#{Params}", "invalid_url")]
    // Host processing (UTS 46): ignored, mapped, deviation and disallowed code points.
    [InlineData("\\u00AD.com", "https://\u00ad.com/cb#" + Params, "granted")]
    [InlineData("\\u00AD", "https://\u00ad/cb#" + Params, "invalid_url")]
    [InlineData("%C2%AD", "https://%C2%AD/cb#" + Params, "invalid_url")]
    [InlineData("SHOP.EXAMPLE", "HTTPS://SHOP.EXAMPLE/cb#" + Params, "granted")]
    [InlineData("\uff33\uff28\uff2f\uff30", "https://\uff33\uff28\uff2f\uff30.example/cb#" + Params, "granted")]
    [InlineData("\u2474", "https://\u2474.com/cb#" + Params, "granted")]
    [InlineData("\uff0f", "https://\uff0f.com/cb#" + Params, "invalid_url")]
    [InlineData("\u00df", "https://stra\u00dfe.example/cb#" + Params, "granted")]
    [InlineData("\u03c2", "https://\u03c2.example/cb#" + Params, "granted")]
    [InlineData("%FF", "https://%FF.com/cb#" + Params, "invalid_url")]
    [InlineData("\u2488", "https://\u2488.com/cb#" + Params, "invalid_url")]
    [InlineData("\\u0301a", "https://\u0301a.com/cb#" + Params, "invalid_url")]
    [InlineData("a\\u0301", "https://a\u0301.com/cb#" + Params, "granted")]
    // Punycode labels.
    [InlineData("xn--bücher", "https://xn--bücher.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--abc-", "https://xn--abc-.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--ss-", "https://xn--ss-.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--a-xbb", "https://xn--a-xbb.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--xn---3ra", "https://xn--xn---3ra.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--wca", "https://xn--wca.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--ls8h", "https://xn--ls8h.la/cb#" + Params, "granted")]
    [InlineData("xn---abc", "https://xn---abc.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--b", "https://xn--b.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--99999999", "https://xn--99999999.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--en32g", "https://xn--en32g.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--dn32g", "https://xn--dn32g.example/cb#" + Params, "invalid_url")]
    [InlineData("xn--ib9b", "https://xn--ib9b.example/cb#" + Params, "invalid_url")]
    // Joiners.
    [InlineData("\u0915\u094d\u200d\u0937", "https://\u0915\u094d\u200d\u0937.example/cb#" + Params, "granted")]
    [InlineData("\u0628\u200c\u0628", "https://\u0628\u200c\u0628.example/cb#" + Params, "granted")]
    [InlineData("\u0628\u0651\u200c\u0628", "https://\u0628\u0651\u200c\u0628.example/cb#" + Params, "granted")]
    [InlineData("a\u200cb", "https://a\u200cb.example/cb#" + Params, "invalid_url")]
    [InlineData("\u0628\u200c", "https://\u0628\u200c.example/cb#" + Params, "invalid_url")]
    [InlineData("\u0627\u200c\u0628", "https://\u0627\u200c\u0628.example/cb#" + Params, "invalid_url")]
    [InlineData("\u0628\u094d\u200c\u0628\u200c\u0661", "https://\u0628\u094d\u200c\u0628\u200c\u0661.example/cb#" + Params, "invalid_url")]
    // The Bidi rule.
    [InlineData("1\u05d0", "https://1\u05d0.example/cb#" + Params, "invalid_url")]
    [InlineData("\u0661", "https://\u0661.example/cb#" + Params, "invalid_url")]
    [InlineData("\u05d0a", "https://\u05d0a.example/cb#" + Params, "invalid_url")]
    [InlineData("\u05d01", "https://\u05d01.example/cb#" + Params, "granted")]
    [InlineData("\u05d0\u0300", "https://\u05d0\u0300.example/cb#" + Params, "granted")]
    [InlineData("\u05d0-", "https://\u05d0-.example/cb#" + Params, "invalid_url")]
    [InlineData("\u0627\u06611", "https://\u0627\u06611.example/cb#" + Params, "invalid_url")]
    [InlineData("a\u05d0", "https://a\u05d0.example/cb#" + Params, "invalid_url")]
    [InlineData("a-", "https://a-.example/cb#" + Params, "granted")]
    [InlineData("a-.\u05d0", "https://a-.\u05d0/cb#" + Params, "invalid_url")]
    [InlineData("1.\u05d0", "https://1.\u05d0.example/cb#" + Params, "invalid_url")]
    [InlineData("1.xn--4db", "https://1.xn--4db.example/cb#" + Params, "invalid_url")]
    // Ending in a number, and IPv4.
    [InlineData("a.1", $"https://a.1/cb#{Params}", "invalid_url")]
    [InlineData("a.09", $"http://a.09/cb#{Params}", "invalid_url")]
    [InlineData("a.0x", $"http://a.0x/cb#{Params}", "invalid_url")]
    [InlineData("a.9a", $"http://a.9a/cb#{Params}", "granted")]
    [InlineData("0300", $"http://0300.0250.0.1/cb#{Params}", "granted")]
    [InlineData("08", $"http://08.1.1.1/cb#{Params}", "invalid_url")]
    [InlineData("255.255.255.255", $"http://255.255.255.255/cb#{Params}", "granted")]
    [InlineData("4294967295", $"http://4294967295/cb#{Params}", "granted")]
    [InlineData("256.1.1.1", $"http://256.1.1.1/cb#{Params}", "invalid_url")]
    [InlineData("1.1.1.256", $"http://1.1.1.256/cb#{Params}", "invalid_url")]
    [InlineData("4294967296", $"http://4294967296/cb#{Params}", "invalid_url")]
    [InlineData("0x100.1.1.1", $"http://0x100.1.1.1/cb#{Params}", "invalid_url")]
    [InlineData("1.2.3.4.5", $"https://1.2.3.4.5/cb#{Params}", "invalid_url")]
    public void An_example_of_the_prose_is_a_vector_with_the_answer_its_sentence_gives(string example, string url, string answer)
    {
        Assert.True(ProsePage.CodeSpans(Page.Text).Contains(example), $"parsing.md no longer writes `{example}`: update this test with the example it now gives.");
        var vector = Vectors["cases"]!.AsArray().FirstOrDefault(c => c!["url"]!.GetValue<string>() == url && c["responseMode"]!.GetValue<string>() == "fragment");
        Assert.True(vector is not null, $"parse.json has no case for {url}, parsing.md's example `{example}`.");
        // "granted" alone claims only that the URL parses; "granted code=…" claims the value too.
        var actual = Summary(vector["expect"]!);
        Assert.True(actual == answer || (answer == "granted" && actual.StartsWith("granted ", StringComparison.Ordinal)),
            $"parsing.md's `{example}` gives {answer}; parse.json answers {vector["expect"]!.ToJsonString()} for {url}");
    }

    private static string Summary(JsonNode expect) => expect["ok"] is { } ok
        ? $"{ok["kind"]!.GetValue<string>()}" + (ok["code"] is { } code ? $" code={code.GetValue<string>()}" : "")
        : string.Join(' ', new[] { expect["error"]!["code"]!.GetValue<string>(), expect["error"]!["parameter"]?.GetValue<string>() }.OfType<string>());
}

using System.Text.Json.Nodes;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>Every example value of <c>pkce.md</c> is what <c>pkce.json</c> pins.</summary>
public sealed class PkceProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("pkce.md");
    private static readonly JsonObject Vectors = VectorReader.Load("pkce.json");
    private static readonly List<JsonNode> OAuthData = [.. Vectors["oauthData"]!.AsArray().Select(v => v!)];

    [Fact]
    public void The_appendix_B_example_is_the_first_challenge_vector()
    {
        var spans = ProsePage.CodeSpans(Page.Passage("`base64url-without-padding(SHA-256"));
        var (verifier, challenge) = (spans[^2], spans[^1]);
        var first = Vectors["challenges"]![0]!;
        Assert.Equal((VectorReader.Str(first, "verifier"), VectorReader.Str(first, "challenge")), (verifier, challenge));
    }

    [Fact]
    public void The_byte_layout_example_is_the_vector_of_the_entropy_00_to_4F()
    {
        var spans = ProsePage.CodeSpans(Page.Passage("For the entropy `00 01 02 … 4F`"));
        var entropy = Convert.ToHexStringLower([.. Enumerable.Range(0, 80).Select(i => (byte)i)]);
        var ok = OAuthData.Single(v => VectorReader.Str(v, "entropy") == entropy)["expect"]!["ok"]!;
        Assert.Equal((VectorReader.Str(ok, "codeVerifier"), VectorReader.Str(ok, "state")), (spans[1], spans[2]));
    }

    [Fact]
    public void The_layout_tables_lengths_and_the_entropy_needed_are_the_vectors()
    {
        var lengths = Page.Table("| bytes | become | length |").ToDictionary(r => ProsePage.CodeSpans(r[1])[0], r => int.Parse(r[2].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        var generated = OAuthData.Select(v => v["expect"]!["ok"]).OfType<JsonNode>().ToList();
        Assert.NotEmpty(generated);
        foreach (var (field, length) in lengths)
            Assert.All(generated, ok => Assert.Equal(length, VectorReader.Str(ok, field).Length));
        var required = Page.Line("at least **80 bytes**");
        var short_ = OAuthData.SelectMany(v => v["expect"]!["errors"]?.AsArray() ?? []).Where(e => VectorReader.Str(e!, "code") == "insufficient_entropy").ToList();
        Assert.NotEmpty(short_);
        Assert.All(short_, e => Assert.Contains($"**{e!["required"]!.GetValue<int>()} bytes**", required, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("| redirect URI | answer |", "redirectUri", "invalid_redirect_uri")]
    [InlineData("| original URI | answer |", "originalUri", "invalid_return_url")]
    public void Each_example_of_a_table_has_a_vector_with_its_answer(string table, string field, string refusal)
    {
        foreach (var row in Page.Table(table))
        {
            var uri = ProsePage.CodeSpans(row[0]).Single();
            var vectors = OAuthData.Where(v => v[field]?.GetValue<string>() == uri).ToList();
            Assert.True(vectors.Count > 0, $"pkce.md's example {field} '{uri}' has no vector in pkce.json.");
            foreach (var v in vectors)
            {
                var codes = v["expect"]!["errors"]?.AsArray().Select(e => VectorReader.Str(e!, "code")).ToList() ?? [];
                if (row[1].StartsWith("accepted", StringComparison.Ordinal))
                {
                    Assert.True(!codes.Contains(refusal), $"pkce.md accepts the {field} '{uri}'; pkce.json refuses it: {v["expect"]!.ToJsonString()}");
                    if (v["expect"]!["ok"] is { } ok) Assert.Equal(uri, ok[field]!.GetValue<string>());
                }
                else
                {
                    Assert.True(row[1].StartsWith($"`{refusal}`", StringComparison.Ordinal), $"pkce.md's answer for '{uri}' is neither accepted nor `{refusal}`: {row[1]}");
                    Assert.True(codes.Contains(refusal), $"pkce.md refuses the {field} '{uri}'; pkce.json answers {v["expect"]!.ToJsonString()}");
                }
            }
        }
    }
}

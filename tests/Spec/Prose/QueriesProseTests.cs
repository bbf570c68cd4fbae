using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>The provider IDs and default lists of <c>queries.md</c> are those of <c>queries.json</c>.</summary>
public sealed class QueriesProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("queries.md");
    private static readonly System.Text.Json.Nodes.JsonObject Vectors = VectorReader.Load("queries.json");

    [Theory]
    [InlineData("google", "`google` is Google's ID")]
    [InlineData("facebook", "`facebook` is Facebook's")]
    public void A_providers_id_is_the_one_its_vector_answers(string name, string marker)
    {
        var text = Page.Passage("2. Otherwise `google` is Google's ID");
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"queries.md no longer says {marker}.");
        var id = ProsePage.CodeSpans(text[(at + marker.Length)..])[0];
        var answers = Vectors["identityProviders"]!.AsArray().Where(v => VectorReader.Str(v!, "name") == name && v!["expect"]!["ok"] is not null).ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, v => Assert.Equal(id, v!["expect"]!["ok"]!.GetValue<string>()));
    }

    [Fact]
    public void The_default_providers_and_the_default_verification_ttl_are_the_vectors()
    {
        Assert.Contains("(configured; by default `google` and `facebook`)", Page.Text, StringComparison.Ordinal);
        Assert.Contains(Vectors["identityProviders"]!.AsArray(), v => v!["offered"]!.AsArray().Select(o => o!.GetValue<string>()).SequenceEqual(["google", "facebook"]));
        var ttl = VectorReader.Load("flows.json")["settings"]!["pendingLoginTtlSeconds"]!.GetValue<long>();
        Assert.Contains($"by default a pending login's {ttl} s", Page.Text.Replace('\n', ' '), StringComparison.Ordinal);
        Assert.Contains(Vectors["verificationAge"]!.AsArray(), v => v!["verificationTtlSeconds"]!.GetValue<double>() == ttl);
    }
}

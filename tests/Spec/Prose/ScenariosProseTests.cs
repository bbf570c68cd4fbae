using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>What <c>scenarios.md</c> says of the file's settings and PKCE data is what <c>scenarios.json</c> holds.</summary>
public sealed class ScenariosProseTests
{
    private static readonly ProsePage Page = ProsePage.Load("scenarios.md");
    private static readonly System.Text.Json.Nodes.JsonObject Vectors = VectorReader.Load("scenarios.json");

    [Fact]
    public void The_settings_are_the_ones_described()
    {
        var line = Page.Passage("- `settings`:").Replace("\n  ", " ", StringComparison.Ordinal);
        var settings = Vectors["settings"]!;
        Assert.Contains($"client `{VectorReader.Str(settings, "clientId")}`", line, StringComparison.Ordinal);
        Assert.Contains("no allowed origins and no expected issuer", line, StringComparison.Ordinal);
        Assert.Empty(settings["allowedOrigins"]!.AsArray());
        Assert.Null(settings["expectedIssuer"]);
    }

    [Fact]
    public void The_oauth_data_is_the_appendix_B_pair_of_pkce_json()
    {
        Assert.Contains("the RFC 7636 Appendix B verifier and challenge", Page.Text, StringComparison.Ordinal);
        var (data, first) = (Vectors["oauthData"]!, VectorReader.Load("pkce.json")["challenges"]![0]!);
        Assert.Equal((VectorReader.Str(first, "verifier"), VectorReader.Str(first, "challenge")), (VectorReader.Str(data, "codeVerifier"), VectorReader.Str(data, "codeChallenge")));
    }
}

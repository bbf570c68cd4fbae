using System.Text.Json.Nodes;
using Wix.Auth.Core.OAuth;
using Wix.Auth.SpecGen.Json;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

public sealed class PkceReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("pkce.json");

    [Fact]
    public void Rfc_7636_appendix_B_is_the_first_challenge_vector()
    {
        var first = File["challenges"]![0]!;
        Assert.Equal("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", VectorReader.Str(first, "verifier"));
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", VectorReader.Str(first, "challenge"));
    }

    [Fact]
    public void Every_challenge_vector_matches_CodeChallenge()
    {
        var m = new Mismatches("pkce.json");
        foreach (var v in File["challenges"]!.AsArray())
            m.Check(VectorReader.Str(v!, "verifier"), v!["challenge"], Pkce.CodeChallenge(VectorReader.Str(v!, "verifier")));
        m.AssertNone(200);
    }

    [Fact]
    public void Every_oauth_data_vector_matches_GenerateOAuthData()
    {
        var m = new Mismatches("pkce.json");
        foreach (var v in File["oauthData"]!.AsArray())
        {
            var result = Pkce.GenerateOAuthData(VectorReader.Str(v!, "redirectUri"), VectorReader.OptStr(v!, "originalUri"), VectorReader.Hex(VectorReader.Str(v!, "entropy")));
            m.Check(v!["entropy"]!.ToString(), v!["expect"], CoreJson.Generated(result));
        }
        m.AssertNone(40);
    }
}

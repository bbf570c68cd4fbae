using System.Text.Json.Nodes;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>The exact HTTP bodies of wire.json are the requests of the effects, in the field order the spec (and @wix/sdk) uses.</summary>
public sealed class WireReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("wire.json");

    [Fact]
    public void Every_request_kind_of_the_protocol_has_a_wire_vector()
    {
        var kinds = File["requests"]!.AsArray().Select(r => VectorReader.Str(r!["effect"]!, "kind")).Distinct().Order();
        Assert.Equal(["CreateLoginSession", "CreateLogoutSession", "ExchangeCode", "ObtainVisitorTokens", "RefreshTokens"], kinds);
    }

    [Fact]
    public void The_silent_login_in_the_query_has_a_wire_vector()
    {
        var silent = File["requests"]!.AsArray().Select(r => r!["http"]!["body"]!.GetValue<string>())
            .Where(body => body.Contains("\"responseMode\":\"query\"", StringComparison.Ordinal) && body.EndsWith("\"prompt\":\"none\"}}", StringComparison.Ordinal));
        Assert.Single(silent);
    }

    [Fact]
    public void Each_body_is_the_effects_request_body_byte_for_byte_and_the_token_goes_bare_in_authorization()
    {
        foreach (var vector in File["requests"]!.AsArray())
        {
            var (request, http) = (vector!["effect"]!["request"]!, vector["http"]!);
            Assert.Equal(request["body"]!.ToJsonString(), VectorReader.Str(http, "body"));
            Assert.Equal(VectorReader.Str(request, "path"), VectorReader.Str(http, "path"));
            Assert.Equal(request["authorization"]?.GetValue<string>(), http["headers"]!["Authorization"]?.GetValue<string>());
            Assert.Equal("application/json", http["headers"]!["Content-Type"]!.GetValue<string>());
        }
    }
}

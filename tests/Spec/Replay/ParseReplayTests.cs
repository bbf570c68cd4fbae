using Wix.Auth.Core.Parsing;
using Wix.Auth.SpecGen.Json;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

public sealed class ParseReplayTests
{
    [Fact]
    public void Every_parse_vector_matches_ParseFromUrl()
    {
        var file = VectorReader.Load("parse.json");
        Assert.Equal(CallbackParser.MaxUrlLength, file["maxUrlLength"]!.GetValue<int>());
        var m = new Mismatches("parse.json");
        foreach (var v in file["cases"]!.AsArray())
        {
            var url = VectorReader.Str(v!, "url");
            var mode = VectorReader.Str(v!, "responseMode");
            m.Check($"{mode} {url}", v!["expect"], CoreJson.Outcome(CallbackParser.ParseFromUrl(url, VectorReader.Mode(mode)), CoreJson.Callback));
        }
        m.AssertNone(300);
    }
}

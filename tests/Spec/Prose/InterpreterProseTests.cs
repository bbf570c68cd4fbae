using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>The path <c>interpreter.md</c> gives each effect's call is the path of that effect's request in <c>flows.json</c>.</summary>
public sealed class InterpreterProseTests
{
    [Fact]
    public void Each_call_goes_to_the_path_its_effects_request_names()
    {
        var effects = VectorReader.Load("flows.json")["flows"]!.AsArray().SelectMany(f => f!["steps"]!.AsArray())
            .SelectMany(s => s!["expect"]!["effects"]?.AsArray() ?? []).Where(e => e!["request"] is not null).ToList();
        var rows = ProsePage.Load("interpreter.md").Table("| effect | carried out as | answer events |").Where(r => r[1].StartsWith("`POST ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var kind = ProsePage.CodeSpans(row[0])[0].Split('(')[0];
            var path = ProsePage.CodeSpans(row[1])[0]["POST ".Length..];
            var requests = effects.Where(e => VectorReader.Str(e!, "kind") == kind).ToList();
            Assert.True(requests.Count > 0, $"interpreter.md's {kind} is asked for by no flow.");
            Assert.All(requests, e => Assert.Equal(path, VectorReader.Str(e!["request"]!, "path")));
        }
        Assert.Equal(effects.Select(e => VectorReader.Str(e!, "kind")).Distinct().Order(), rows.Select(r => ProsePage.CodeSpans(r[0])[0].Split('(')[0]).Order());
    }
}

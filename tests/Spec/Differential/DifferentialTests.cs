using Wix.Auth.Tests.Shared;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.SpecGen.Outputs;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;
using Xunit.Abstractions;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>Our parser and PKCE against the published @wix/sdk 1.21.16, run under Node on the same inputs.</summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const int GeneratedUrls = 4000;
    private const int GeneratedVerifiers = 500;

    private static readonly Lazy<(IReadOnlyList<(string Url, string Mode)> Cases, IReadOnlyList<string> Verifiers, SdkAnswers Sdk)> Batch = new(() =>
    {
        var vectors = VectorReader.Load("parse.json")["cases"]!.AsArray()
            .Select(c => (VectorReader.Str(c!, "url"), VectorReader.Str(c!, "responseMode")));
        IReadOnlyList<(string, string)> cases = [.. vectors, .. CallbackUrls.Sample(GeneratedUrls)];
        IReadOnlyList<string> verifiers = [.. PkceVectors.Verifiers(), .. CallbackUrls.Verifiers(GeneratedVerifiers)];
        return (cases, verifiers, NodeSdk.Run(cases, verifiers));
    });

    [Fact]
    public void The_node_side_runs_the_pinned_sdk_on_every_case()
    {
        var (cases, verifiers, sdk) = Batch.Value;
        Assert.Equal(NodeScript.SdkVersion, sdk.Version);
        Assert.Equal(cases.Count, sdk.Parse.Count);
        Assert.Equal(verifiers.Count, sdk.Challenges.Count);
        Assert.True(cases.Count > GeneratedUrls + 300, $"only {cases.Count} URLs");
    }

    [Fact]
    public void ParseFromUrl_agrees_with_the_sdk_except_where_deliberately_stricter()
    {
        var (cases, _, sdk) = Batch.Value;
        var disagreements = new List<string>();
        var byRule = DeliberateDifferences.All.ToDictionary(r => r, _ => 0);
        var same = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (url, mode) = cases[i];
            var ours = CallbackParser.ParseFromUrl(url, VectorReader.Mode(mode));
            var verdict = Comparison.Compare(url, mode, ours, sdk.Parse[i]);
            var line = $"{mode} {Show(url)}: {verdict.Disagreement}; ours {ours.Match(p => p.GetType().Name, e => e.Code)}";
            if (!verdict.Agrees) disagreements.Add(line);
            else if (verdict.Rule is { } rule) byRule[rule]++;
            else same++;
        }
        output.WriteLine($"{cases.Count} URLs: {same} the same, {disagreements.Count} disagreements");
        foreach (var (rule, count) in byRule) output.WriteLine($"  {count,5} deliberately different: {rule}");

        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} URLs where our parser and @wix/sdk disagree outside the deliberate differences:\n  " + string.Join("\n  ", disagreements.Take(15)));
        var unexercised = byRule.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList();
        Assert.True(unexercised.Count == 0, $"Deliberate differences no case exercised (stale list, or weak generators): {string.Join("; ", unexercised)}");
        Assert.True(same > cases.Count / 2, $"Only {same} of {cases.Count} URLs parse the same: the generators are too far off the ordinary.");
    }

    [Fact]
    public void Code_challenge_equals_the_sdks_for_every_verifier()
    {
        var (_, verifiers, sdk) = Batch.Value;
        var differ = verifiers.Select((v, i) => (v, ours: Pkce.CodeChallenge(v), theirs: sdk.Challenges[i])).Where(x => x.ours != x.theirs).ToList();
        Assert.True(differ.Count == 0, $"{differ.Count} verifiers whose challenge differs, e.g. {differ.FirstOrDefault()}");
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", sdk.Challenges[0]);
    }

    // Control characters and very long URLs made readable in a failure message.
    private static string Show(string url)
    {
        var escaped = string.Concat(url.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return escaped.Length > 160 ? $"{escaped[..150]}…({url.Length} chars)" : escaped;
    }
}

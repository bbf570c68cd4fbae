using System.Globalization;
using System.Text.RegularExpressions;
using Wix.Auth.Conformance;
using Wix.Auth.Tests.Spec.Differential;
using Wix.Auth.Tests.Spec.Replay;
using Xunit;

namespace Wix.Auth.Tests.Spec.Conformance;

/// <summary>
/// The conformance kit end to end: the runner replays every vector file through the C# adapter and all pass; through an
/// adapter with one wrong answer it fails that case and shows both values; the JavaScript starting point passes what it
/// implements (every challenge of pkce.json and every case of parse.json but the hosts Node's older UTS 46 accepts) and
/// reports the rest as not implemented.
/// </summary>
public sealed class ConformanceKitTests
{
    private static readonly int Challenges = VectorReader.Load("pkce.json")["challenges"]!.AsArray().Count;
    private static readonly int OAuthData = VectorReader.Load("pkce.json")["oauthData"]!.AsArray().Count;
    private static readonly int ParseCases = VectorReader.Load("parse.json")["cases"]!.AsArray().Count;

    [Fact]
    public void The_csharp_core_passes_every_case_of_every_file()
    {
        var run = ConformanceRun.Of(ConformanceRun.CoreAdapter);
        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var file in VectorFiles.Names)
            Assert.Matches(@"^[\w.-]+: [1-9]\d* passed, 0 failed$", run.Line(file));
        Assert.Contains("total: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not know this file", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_wrong_answer_fails_its_case_with_the_expected_and_the_actual_value()
    {
        var run = ConformanceRun.Of(ConformanceRun.OneWrongChallenge, "--file", "pkce.json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"pkce.json: {Challenges - 1} passed, 1 failed, {OAuthData} not implemented (GenerateOAuthData)", run.Line("pkce.json"));
        var lines = run.Output.Split('\n');
        var fail = Array.FindIndex(lines, l => l.StartsWith("  FAIL pkce.json challenges[0] ", StringComparison.Ordinal));
        Assert.True(fail >= 0, run.Output);
        Assert.Equal("    expected: {\"ok\":\"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM\"}", lines[fail + 1]);
        Assert.StartsWith("    actual:   {\"ok\":\"", lines[fail + 2], StringComparison.Ordinal);
        Assert.DoesNotContain("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", lines[fail + 2], StringComparison.Ordinal);
        Assert.Equal("    differs at $.ok", lines[fail + 3]);
    }

    [Fact]
    public void The_javascript_starting_point_passes_its_two_functions_and_the_rest_is_not_implemented()
    {
        var run = ConformanceRun.Of(ConformanceRun.JavaScriptAdapter);
        Assert.Equal($"pkce.json: {Challenges} passed, 0 failed, {OAuthData} not implemented (GenerateOAuthData)", run.Line("pkce.json"));
        // It reads URLs with Node's new URL(), whose UTS 46 is older than the spec's: it fails exactly the hosts of that
        // deliberate difference, and nothing else.
        var older = DeliberateDifferences.OlderUts46Hosts.Count;
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"parse.json: {ParseCases - older} passed, {older} failed", run.Line("parse.json"));
        var cases = VectorReader.Load("parse.json")["cases"]!.AsArray();
        var failed = Regex.Matches(run.Output, @"FAIL parse\.json cases\[(\d+)\]").Select(m => cases[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]!["url"]!.GetValue<string>()).ToList();
        Assert.Equal(older, failed.Count);
        Assert.All(failed, url => Assert.Contains(DeliberateDifferences.OlderUts46Hosts, host => url.StartsWith($"https://{host}/", StringComparison.Ordinal)));
        foreach (var file in VectorFiles.Names.Except(["pkce.json", "parse.json"]))
            Assert.Matches(@"^[\w.-]+: 0 passed, 0 failed, [1-9]\d* not implemented \(", run.Line(file));
    }

    [Fact]
    public void Only_the_files_and_functions_asked_for_run()
    {
        var run = ConformanceRun.Of(ConformanceRun.CoreAdapter, "--file", "pkce.json", "--file", "parse.json", "--function", "CodeChallenge");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal($"pkce.json: {Challenges} passed, 0 failed, {OAuthData} not implemented (GenerateOAuthData)", run.Line("pkce.json"));
        Assert.Equal($"parse.json: 0 passed, 0 failed, {ParseCases} not implemented (ParseFromUrl)", run.Line("parse.json"));
        Assert.DoesNotContain("flows.json", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adapter_that_implements_nothing_does_not_pass()
    {
        var run = ConformanceRun.Of("node -e \"require('readline').createInterface({input: process.stdin}).on('line', () => console.log('{\\\"notImplemented\\\": true}'))\"", "--file", "pkce.json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No case passed", run.Output, StringComparison.Ordinal);
    }
}

using Wix.Auth.Tests.Shared;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Errors;
using Wix.Auth.SpecGen.Cases;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>The vectors cover what the spec promises: every table row as a flow, every typed error somewhere.</summary>
public sealed class CoverageTests
{
    private static readonly JsonObject Table = JsonNode.Parse(File.ReadAllText(RepoRoot.File("spec", "transitions.json")))!.AsObject();
    private static readonly JsonObject Flows = VectorReader.Load("flows.json");

    [Fact]
    public void Every_table_row_is_a_flow_whose_last_step_has_the_rows_outcome()
    {
        var flowsByRow = Flows["flows"]!.AsArray().Where(f => f!["row"] is not null).ToDictionary(f => f!["row"]!.GetValue<int>(), f => f!);
        foreach (var row in Table["rows"]!.AsArray())
        {
            var n = row!["row"]!.GetValue<int>();
            Assert.True(flowsByRow.TryGetValue(n, out var flow), $"Row {n} has no flow in flows.json.");
            var last = flow["steps"]!.AsArray()[^1]!["expect"]!;
            if (row["outcome"]!.GetValue<string>() == "rejected")
                Assert.Equal(row["rejection"]!.GetValue<string>(), last["rejected"]?["code"]?.GetValue<string>());
            else
                Assert.Equal(row["nextStateKind"]!.GetValue<string>(), last["state"]?["kind"]?.GetValue<string>());
        }
    }

    [Fact]
    public void Every_kind_of_state_and_event_has_a_row()
    {
        var rows = Table["rows"]!.AsArray();
        Assert.Equal(TransitionTable.KindsOf<Core.Flow.LoginState>(), rows.Select(r => r!["stateKind"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(TransitionTable.KindsOf<Core.Flow.LoginEvent>(), rows.Select(r => r!["eventKind"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Flows_show_every_kind_of_effect_and_every_rejection_of_the_machine()
    {
        var expects = Flows["flows"]!.AsArray().SelectMany(f => f!["steps"]!.AsArray()).Select(s => s!["expect"]!).ToList();
        var effects = expects.SelectMany(e => e["effects"]?.AsArray() ?? []).Select(e => e!["kind"]!.GetValue<string>()).ToHashSet();
        Assert.Empty(TransitionTable.KindsOf<Core.Flow.LoginEffect>().Except(effects));
        // The rejections LoginFlow.Transition and LoginSteps return (read from the code; a new one belongs here and in a vector).
        string[] machineRejections =
        [
            "already_authenticated", "callback_already_received", "disallowed_origin", "invalid_oauth_data", "invalid_return_url",
            "issuer_mismatch", "not_authenticated", "refresh_rejected", "refresh_unavailable", "remote_call_failed",
            "state_mismatch", "unexpected_event",
        ];
        var rejected = expects.Select(e => e["rejected"]?["code"]?.GetValue<string>()).OfType<string>().ToHashSet();
        Assert.Empty(machineRejections.Except(rejected));
    }

    [Fact]
    public void Every_typed_error_appears_in_some_vector()
    {
        var text = string.Concat(new[] { "pkce.json", "parse.json", "flows.json", "queries.json" }.Select(f => File.ReadAllText(RepoRoot.File("spec", "vectors", f))));
        // These are reported by the shells, which own the stores and the browser; no transition of the core can produce them.
        // no_result is what a default result holds: no call made it.
        var missing = AllErrorCodes().Except(["store_unavailable", "login_cancelled", "login_timed_out", "browser_failed", "no_result"]).Where(code => !text.Contains($"\"code\": \"{code}\"", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Typed errors no vector shows: {string.Join(", ", missing)}");
    }

    // Each case of the closed AuthError union, made with placeholder arguments to read its stable code.
    internal static IEnumerable<string> AllErrorCodes() =>
        typeof(AuthError).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(AuthError))).Select(t =>
        {
            var ctor = t.GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != t));
            var args = ctor.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : p.ParameterType == typeof(int) ? 0
                : p.ParameterType == typeof(TimeSpan) ? TimeSpan.Zero : (object)WixError.Of("x")).ToArray();
            return ((AuthError)ctor.Invoke(args)).Code;
        });
}

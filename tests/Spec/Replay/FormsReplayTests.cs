using System.Text.Json.Nodes;
using Wix.Auth.Core.Members;
using Wix.Auth.SpecGen.Json;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>forms.json replayed through the forms decider: every step's state, actions and call, or rejection.</summary>
public sealed class FormsReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("forms.json");

    [Fact]
    public void Every_forms_step_matches_the_decider()
    {
        var m = new Mismatches("forms.json");
        m.Check("initialState", File["initialState"], FormsJson.State(MemberFormFlow.Initial));
        foreach (var flow in File["flows"]!.AsArray())
        {
            var settings = FormsReader.Settings(flow!["settings"]!);
            var state = MemberFormFlow.Initial;
            var index = 0;
            foreach (var step in flow["steps"]!.AsArray())
            {
                index++;
                var result = MemberFormFlow.Transition(settings, state, FormsReader.Event(step!["event"]!));
                m.Check($"{flow["name"]}, step {index}", step["expect"], FormsJson.Step(result));
                state = result.Match(d => d.State, _ => state);
            }
        }
        m.AssertNone(1000);
    }

    [Fact]
    public void Every_state_and_event_kind_and_every_error_the_forms_give_is_in_a_flow()
    {
        var steps = File["flows"]!.AsArray().SelectMany(f => f!["steps"]!.AsArray()).ToList();
        var states = steps.Select(s => s!["expect"]!["state"]?["kind"]?.GetValue<string>()).OfType<string>()
            .Append(VectorReader.Str(File["initialState"]!, "kind")).Distinct();
        var events = steps.Select(s => VectorReader.Str(s!["event"]!, "kind")).Distinct();
        Assert.Equal(SpecGen.Cases.TransitionTable.KindsOf<MemberFormState>(), states.Order(StringComparer.Ordinal));
        Assert.Equal(SpecGen.Cases.TransitionTable.KindsOf<MemberFormEvent>(), events.Order(StringComparer.Ordinal));
        var codes = steps.Select(s => s!["expect"]!["rejected"]?["code"] ?? s!["expect"]!["state"]?["reason"]?["code"]).OfType<JsonNode>().Select(c => c.GetValue<string>()).ToHashSet();
        foreach (var code in new[] { "wrong_credentials", "captcha_required", "email_already_exists", "invalid_email", "invalid_field", "password_rejected",
                     "wrong_verification_code", "too_many_wrong_codes", "expired", "unsupported_state", "no_verification_pending", "call_in_progress",
                     "unexpected_event", "remote_call_failed" })
            Assert.Contains(code, codes);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Members;
using Wix.Auth.SpecGen.Forms;
using Wix.Auth.SpecGen.Json;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>The forms' transition table: <c>spec/forms-transitions.md</c> (people) and <c>spec/forms-transitions.json</c> (machines).</summary>
public static class FormsTableFiles
{
    /// <summary><c>spec/forms-transitions.md</c>.</summary>
    public static string Markdown(IReadOnlyList<FormRow> rows)
    {
        var md = new StringBuilder();
        md.Append("# The site's forms: every state × every event\n\n")
          .Append("Generated from `MemberFormFlow.Transition` by `dotnet run --project tools/Wix.Auth.SpecGen -- spec`; do not edit.\n")
          .Append("Each row runs one representative event in one representative state (reached from `Idle` by the path in\n")
          .Append("`forms-transitions.json`; the same steps are a flow in `vectors/forms.json`). A rejection leaves the state as it\n")
          .Append("was and asks for nothing. The rules behind each outcome are [`forms.md`](forms.md).\n\n")
          .Append("Settings (the table's; whole flows name their own): ").Append(Settings(FormFixtures.TableSettings)).Append(".\n\n");
        foreach (var group in rows.GroupBy(r => r.State.Name))
        {
            md.Append("## ").Append(group.Key).Append("\n\n| # | event | outcome | next state | actions | call |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var row in group)
            {
                var (outcome, next, actions, call) = row.Result.Match(
                    d => ("transition", State(d.State), d.Actions.IsEmpty ? "none" : string.Join(", ", d.Actions.Map(a => a.GetType().Name)),
                        d.Call.Match(CallName, () => "none")),
                    e => ($"rejected: `{e.Code}`", "unchanged", "none", "none"));
                md.Append(CultureInfo.InvariantCulture, $"| {row.Number} | {row.Event.Name} | {outcome} | {next} | {actions} | {call} |\n");
            }
            md.Append('\n');
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary><c>spec/forms-transitions.json</c>.</summary>
    public static string Json(IReadOnlyList<FormRow> rows) => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["settings"] = FormsJson.Settings(FormFixtures.TableSettings),
        ["stateKinds"] = SpecJson.Array(Cases.TransitionTable.KindsOf<MemberFormState>().Select(k => (JsonNode?)k)),
        ["eventKinds"] = SpecJson.Array(Cases.TransitionTable.KindsOf<MemberFormEvent>().Select(k => (JsonNode?)k)),
        ["states"] = SpecJson.Array(FormStateVariant.All.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["path"] = SpecJson.Array(s.Path.Select(e => (JsonNode?)FormsJson.Event(e))),
            ["state"] = FormsJson.State(FormRun.StateAfter(FormFixtures.TableSettings, s.Path)),
        })),
        ["rows"] = SpecJson.Array(rows.Select(r => (JsonNode?)Row(r))),
    });

    /// <summary>The settings in one line, written from the values the table runs under.</summary>
    public static string Settings(MemberFormSettings s) => string.Create(CultureInfo.InvariantCulture,
        $"verification TTL {s.VerificationTtl.TotalSeconds} s, at most {s.MaxCodeAttempts} codes per verification, "
        + $"existing members hidden at sign-up: {(s.HideExistingMembersAtSignUp ? "yes" : "no")}");

    /// <summary>The kind of a state, with what tells two apart: <c>Failed (wrong_credentials)</c>.</summary>
    public static string State(MemberFormState state) => state switch
    {
        MemberFormState.Awaiting a => $"Awaiting ({a.Call})",
        MemberFormState.VerificationRequired { Verification.Decoy: true } => "VerificationRequired (decoy)",
        MemberFormState.Failed { Verification.IsSome: true } f => $"Failed ({f.Reason.Code}, verification kept)",
        MemberFormState.Failed f => $"Failed ({f.Reason.Code})",
        _ => state.GetType().Name,
    };

    private static string CallName(MemberFormCall call) => call switch
    {
        MemberFormCall.SendForState s => $"SendForState ({s.Request.GetType().Name})",
        _ => call.GetType().Name,
    };

    private static JsonObject Row(FormRow r)
    {
        var json = new JsonObject
        {
            ["row"] = r.Number, ["state"] = r.State.Name, ["stateKind"] = r.Before.GetType().Name, ["event"] = r.Event.Name, ["eventKind"] = r.Event.Event.GetType().Name,
        };
        r.Result.Match(
            d =>
            {
                json["outcome"] = "transition";
                json["nextStateKind"] = d.State.GetType().Name;
                json["actions"] = SpecJson.Array(d.Actions.Map(a => (JsonNode?)a.GetType().Name));
                json["call"] = d.Call.MatchUnsafe(c => (JsonNode?)CallName(c), () => null);
            },
            e =>
            {
                json["outcome"] = "rejected";
                json["rejection"] = e.Code;
            });
        return json;
    }
}

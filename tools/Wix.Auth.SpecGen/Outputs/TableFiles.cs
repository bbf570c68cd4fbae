using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Json;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>The transition table as Markdown (people), JSON (machines) and a Mermaid diagram (the README).</summary>
public static class TableFiles
{
    /// <summary><c>spec/transitions.md</c>.</summary>
    public static string Markdown(IReadOnlyList<TableRow> rows)
    {
        var md = new StringBuilder();
        md.Append("# The login state machine: every state × every event\n\n")
          .Append("Generated from `LoginFlow.Transition` by `dotnet run --project tools/Wix.Auth.SpecGen -- spec`; do not edit.\n")
          .Append("Each row runs one representative event in one representative state (reached from the initial state by the\n")
          .Append("path in `transitions.json`; the same steps are a vector in `vectors/flows.json`). A rejection leaves the state\n")
          .Append("as it was and asks for no effect.\n\n")
          .Append("Settings (the `settings` of `transitions.json` and `vectors/flows.json`): ").Append(Describe.Settings(Fixtures.Settings)).Append(".\n\n");
        foreach (var group in rows.GroupBy(r => r.State.Name))
        {
            md.Append("## ").Append(group.Key).Append("\n\n| # | event | outcome | next state | effects, in order |\n| --- | --- | --- | --- | --- |\n");
            foreach (var row in group)
            {
                var (outcome, next, effects) = row.Result.Match(
                    d => ("transition", Describe.State(d.State), d.Effects.IsEmpty ? "none" : string.Join(", ", d.Effects.Map(Describe.Effect))),
                    e => ($"rejected: `{e.Code}`", "unchanged", "none"));
                md.Append($"| {Index(rows, row)} | {row.Event.Name} | {outcome} | {next} | {Cell(effects)} |\n");
            }
            md.Append('\n');
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary><c>spec/transitions.json</c>.</summary>
    public static string Json(IReadOnlyList<TableRow> rows) => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["settings"] = CoreJson.Settings(Fixtures.Settings),
        ["stateKinds"] = SpecJson.Array(TransitionTable.KindsOf<Core.Flow.LoginState>().Select(k => (JsonNode?)k)),
        ["eventKinds"] = SpecJson.Array(TransitionTable.KindsOf<Core.Flow.LoginEvent>().Select(k => (JsonNode?)k)),
        ["states"] = SpecJson.Array(StateVariant.All.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["path"] = SpecJson.Array(s.Path.Select(e => e.Json.DeepClone())),
            ["state"] = CoreJson.State(FlowRun.StateAfter(s.Path)),
        })),
        ["rows"] = SpecJson.Array(rows.Select(r => (JsonNode?)Row(rows, r))),
    });

    /// <summary><c>spec/diagram.mmd</c>: the successful transitions between kinds of state, labelled with their events.</summary>
    public static string Mermaid(IReadOnlyList<TableRow> rows)
    {
        var edges = rows
            .Where(r => r.Result.IsRight)
            .Select(r => (From: r.StateKind, To: r.Result.Match(d => d.State.GetType().Name, _ => ""), r.EventKind))
            .GroupBy(e => (e.From, e.To))
            .OrderBy(g => Order(g.Key.From)).ThenBy(g => Order(g.Key.To))
            .Select(g => $"    {g.Key.From} --> {g.Key.To}: {string.Join(", ", g.Select(e => e.EventKind).Distinct())}");
        return "stateDiagram-v2\n    [*] --> Idle\n" + string.Join("\n", edges) + "\n";
    }

    private static JsonObject Row(IReadOnlyList<TableRow> rows, TableRow r)
    {
        var json = new JsonObject
        {
            ["row"] = Index(rows, r),
            ["state"] = r.State.Name,
            ["stateKind"] = r.StateKind,
            ["event"] = r.Event.Name,
            ["eventKind"] = r.EventKind,
        };
        r.Result.Match(
            d =>
            {
                json["outcome"] = "transition";
                json["nextStateKind"] = d.State.GetType().Name;
                json["effects"] = SpecJson.Array(d.Effects.Map(e => (JsonNode?)e.GetType().Name));
            },
            e =>
            {
                json["outcome"] = "rejected";
                json["rejection"] = e.Code;
            });
        return json;
    }

    private static int Index(IReadOnlyList<TableRow> rows, TableRow row) => rows.Select((r, i) => (r, i)).First(x => ReferenceEquals(x.r, row)).i + 1;

    private static int Order(string kind) => TransitionOrder.IndexOf(kind) is var i and >= 0 ? i : int.MaxValue;

    private static readonly List<string> TransitionOrder = ["Idle", "Requested", "Callback", "Authenticated", "LoggingOut", "LoggedOut", "Failed"];

    private static string Cell(string text) => text.Replace("|", "\\|");
}

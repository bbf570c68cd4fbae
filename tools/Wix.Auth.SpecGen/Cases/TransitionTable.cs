using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>One row: a representative state, a representative event, and the machine's answer.</summary>
public sealed record TableRow(StateVariant State, EventVariant Event, LoginState Before, Either<AuthError, Decision> Result)
{
    /// <summary>The kind of the state before, e.g. <c>Requested</c>.</summary>
    public string StateKind => Before.GetType().Name;

    /// <summary>The kind of the event, e.g. <c>CallbackReceived</c>.</summary>
    public string EventKind => Event.Event.Event.GetType().Name;
}

/// <summary>The transition function, run over every representative state × every representative event.</summary>
public static class TransitionTable
{
    /// <summary>All rows, states in <see cref="StateVariant.All"/> order, events in <see cref="EventVariant.All"/> order.</summary>
    public static IReadOnlyList<TableRow> Rows { get; } = Build();

    private static IReadOnlyList<TableRow> Build()
    {
        RequireEveryKind<LoginState>(StateVariant.All.Select(v => FlowRun.StateAfter(v.Path).GetType()));
        RequireEveryKind<LoginEvent>(EventVariant.All.Select(v => v.Event.Event.GetType()));
        return
        [
            .. from s in StateVariant.All
               let before = FlowRun.StateAfter(s.Path)
               from e in EventVariant.All
               select new TableRow(s, e, before, LoginFlow.Transition(Fixtures.Settings, before, e.Event.Event)),
        ];
    }

    /// <summary>The closed unions' cases, by reflection: a new state or event kind without a representative stops generation.</summary>
    public static IReadOnlyList<string> KindsOf<TUnion>() =>
        [.. typeof(TUnion).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(TUnion)) && !t.IsAbstract).Select(t => t.Name).Order(StringComparer.Ordinal)];

    private static void RequireEveryKind<TUnion>(IEnumerable<Type> covered)
    {
        var missing = KindsOf<TUnion>().Except(covered.Select(t => t.Name)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"No representative {typeof(TUnion).Name} for: {string.Join(", ", missing)}. Add one to Cases/.");
    }
}

using LanguageExt;
using Wix.Auth.Core.Members;

namespace Wix.Auth.SpecGen.Forms;

/// <summary>One row of the forms' table: a representative state, a representative event, and the decider's answer.</summary>
public sealed record FormRow(int Number, FormStateVariant State, FormEventVariant Event, MemberFormState Before, Either<MemberAuthError, MemberFormDecision> Result)
{
    /// <summary>All rows, states in <see cref="FormStateVariant.All"/> order, events in <see cref="FormEventVariant.All"/> order.</summary>
    public static IReadOnlyList<FormRow> All { get; } = Build();

    private static IReadOnlyList<FormRow> Build()
    {
        RequireEveryKind<MemberFormState>(FormStateVariant.All.Select(v => FormRun.StateAfter(FormFixtures.TableSettings, v.Path).GetType()));
        RequireEveryKind<MemberFormEvent>(FormEventVariant.All.Select(v => v.Event.GetType()));
        var pairs = from s in FormStateVariant.All
                    let before = FormRun.StateAfter(FormFixtures.TableSettings, s.Path)
                    from e in FormEventVariant.All
                    select (s, e, before);
        return [.. pairs.Select((p, i) => new FormRow(i + 1, p.s, p.e, p.before, MemberFormFlow.Transition(FormFixtures.TableSettings, p.before, p.e.Event)))];
    }

    private static void RequireEveryKind<TUnion>(IEnumerable<Type> covered)
    {
        var missing = Cases.TransitionTable.KindsOf<TUnion>().Except(covered.Select(t => t.Name)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"No representative {typeof(TUnion).Name} for: {string.Join(", ", missing)}. Add one to Forms/.");
    }
}

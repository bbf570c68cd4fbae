using LanguageExt;
using Wix.Auth.Core.Members;

namespace Wix.Auth.SpecGen.Forms;

/// <summary>One step of a forms flow: the event and the decider's answer (a rejection leaves the state as it was).</summary>
public sealed record FormStep(MemberFormEvent Event, Either<MemberAuthError, MemberFormDecision> Result, MemberFormState StateAfter);

/// <summary>Runs events through <see cref="MemberFormFlow.Transition"/> from <c>Idle</c>.</summary>
public static class FormRun
{
    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<FormStep> Run(MemberFormSettings settings, IEnumerable<MemberFormEvent> events)
    {
        var state = MemberFormFlow.Initial;
        var steps = new List<FormStep>();
        foreach (var e in events)
        {
            var result = MemberFormFlow.Transition(settings, state, e);
            state = result.Match(d => d.State, _ => state);
            steps.Add(new FormStep(e, result, state));
        }
        return steps;
    }

    /// <summary>The state a path leads to; a path whose step is rejected is a broken fixture.</summary>
    public static MemberFormState StateAfter(MemberFormSettings settings, IReadOnlyList<MemberFormEvent> path)
    {
        var steps = Run(settings, path);
        if (steps.FirstOrDefault(s => s.Result.IsLeft) is { } rejected)
            throw new InvalidOperationException($"Fixture path step {rejected.Event.GetType().Name} was rejected: {rejected.Result.LeftToSeq().Head.Code}");
        return steps.Count == 0 ? MemberFormFlow.Initial : steps[^1].StateAfter;
    }
}

using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>One step of a flow: the event, and the machine's answer (a rejection leaves the state as it was).</summary>
public sealed record FlowStep(SpecEvent Event, Either<AuthError, Decision> Result, LoginState StateAfter);

/// <summary>Runs events through <see cref="LoginFlow.Transition"/> from the initial state.</summary>
public static class FlowRun
{
    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<FlowStep> Run(IEnumerable<SpecEvent> events)
    {
        var state = LoginState.Initial;
        var steps = new List<FlowStep>();
        foreach (var e in events)
        {
            var result = LoginFlow.Transition(Fixtures.Settings, state, e.Event);
            state = result.Match(d => d.State, _ => state);
            steps.Add(new FlowStep(e, result, state));
        }
        return steps;
    }

    /// <summary>The state a path leads to; a path whose step is rejected is a broken fixture.</summary>
    public static LoginState StateAfter(IReadOnlyList<SpecEvent> path)
    {
        var steps = Run(path);
        var rejected = steps.FirstOrDefault(s => s.Result.IsLeft);
        if (rejected is not null)
            throw new InvalidOperationException($"Fixture path step {rejected.Event.Json["kind"]} was rejected: {rejected.Result.LeftToSeq().Head.Code}");
        return steps.Count == 0 ? LoginState.Initial : steps[^1].StateAfter;
    }
}

using System.Text.Json.Nodes;
using Wix.Auth.SpecGen.Json;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// The steps of one scenario of <c>forms-scenarios.json</c> as an interpreter meets them: a step the host takes starts a run,
/// and each call the run makes is answered by the next step, which must be an answer of the kind that call gets. Each step
/// collects what was observed while its decision was carried out, in the file's terms.
/// </summary>
internal sealed class StepScript(JsonArray steps, StepClock clock)
{
    private readonly JsonObject?[] observed = new JsonObject?[steps.Count];
    private readonly bool[] inFlight = new bool[steps.Count];
    private JsonObject unlisted = [];
    private int next;

    /// <summary>The step whose decision is being carried out; -1 for a host's request the file gives no step of its own.</summary>
    public int At { get; private set; } = -1;

    /// <summary>The calls made since the run began.</summary>
    public int CallsInRun { get; private set; }

    /// <summary>True while steps are left.</summary>
    public bool HasNext => next < steps.Count;

    /// <summary>How many steps were taken.</summary>
    public int Taken => next;

    /// <summary>What the step being carried out has shown so far.</summary>
    public JsonObject Current => At < 0 ? unlisted : observed[At] ??= [];

    /// <summary>The next step, not taken.</summary>
    public JsonNode Peek => steps[next]!;

    /// <summary>What each step showed, in order: null for a step no run reached.</summary>
    public IReadOnlyList<JsonObject?> Observed => observed;

    /// <summary>True for a step whose decision asked for a call: the run went on, so the state it rested in was never shown.</summary>
    public bool InFlight(int step) => inFlight[step];

    /// <summary>Takes the next step as the host's: a run begins with it.</summary>
    public JsonNode Begin()
    {
        CallsInRun = 0;
        At = next++;
        return Event(steps[At]!);
    }

    /// <summary>A run begins with a host's request the file does not list: its answer is the next step.</summary>
    public void BeginUnlisted()
    {
        CallsInRun = 0;
        (At, unlisted) = (-1, []);
    }

    /// <summary>
    /// The current step's decision made a call: it is marked in flight, and the next step is its answer when it is one of
    /// <paramref name="kinds"/> of <paramref name="machine"/> (its time, if it has one, is the clock's from now on);
    /// otherwise the scenario leaves the call unanswered and the run stops there (<see cref="Ended"/>).
    /// </summary>
    public JsonNode Answer(string machine, params string[] kinds)
    {
        CallsInRun++;
        if (At >= 0) inFlight[At] = true;
        if (!NextIs(machine, kinds)) throw new Ended();
        At = next++;
        var e = Event(steps[At]!);
        if (e["now"] is { } now) clock.Now = SpecJson.ReadInstant(now.GetValue<string>());
        return e;
    }

    /// <summary>Takes the next step as one the run reaches without a call of its own (a session flow's event the run feeds it).</summary>
    public void Continue() => At = next++;

    /// <summary>True when the next step is one of <paramref name="kinds"/> of <paramref name="machine"/>.</summary>
    public bool NextIs(string machine, params string[] kinds) =>
        HasNext && VectorReader.Str(Peek, "machine") == machine && kinds.Contains(VectorReader.OptStr(Peek["event"]!, "kind").IfNone(""));

    /// <summary>Replaces what step <paramref name="step"/> showed.</summary>
    public void Show(int step, JsonObject what) => observed[step] = what;

    private static JsonNode Event(JsonNode step) => step["event"]!;

    /// <summary>The scenario gives no answer to a call: it ends with the call made.</summary>
    public sealed class Ended() : Exception("The scenario leaves this call unanswered.");
}

namespace Wix.Auth.Emulator;

/// <summary>The faults in force, changeable while the emulator runs. Thread-safe.</summary>
public sealed class EmulatorFaults
{
    // One lock: drawing must decrement counts and roll the seeded random source atomically, and faults are few.
    private readonly Lock gate = new();
    private readonly List<ActiveFault> faults = [];
    private readonly Random random;
    private long nextId;

    internal EmulatorFaults(IEnumerable<FaultSpec> initial, int? seed)
    {
        random = seed is { } s ? new Random(s) : new Random();
        foreach (var spec in initial) Add(spec);
    }

    /// <summary>Adds a fault; returns its ID.</summary>
    /// <exception cref="ArgumentException">A value of the spec is out of range.</exception>
    public string Add(FaultSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        lock (gate)
        {
            var id = $"fault-{++nextId}";
            faults.Add(new ActiveFault(id, spec, spec.Count));
            return id;
        }
    }

    /// <summary>Removes one fault; false when it is not (or no longer) in force.</summary>
    public bool Remove(string id)
    {
        lock (gate) return faults.RemoveAll(f => f.Id == id) > 0;
    }

    /// <summary>Removes every fault.</summary>
    public void Clear()
    {
        lock (gate) faults.Clear();
    }

    /// <summary>The faults in force now.</summary>
    public IReadOnlyList<ActiveFault> List()
    {
        lock (gate) return [.. faults];
    }

    /// <summary>
    /// The faults that hit one request: every latency that fires, and at most one other (the first to fire), so
    /// a later fault is not used up by a request an earlier one already answered.
    /// </summary>
    internal IReadOnlyList<FaultSpec> Draw(EmulatorEndpoint endpoint)
    {
        lock (gate)
        {
            var fired = new List<FaultSpec>();
            var answered = false;
            for (var i = 0; i < faults.Count; i++)
            {
                var fault = faults[i];
                var terminal = fault.Spec.Kind != FaultKind.Latency;
                if (fault.Spec.Endpoint != endpoint || (terminal && answered)) continue;
                if (fault.Spec.Probability is { } p && random.NextDouble() >= p) continue;
                fired.Add(fault.Spec);
                answered |= terminal;
                if (fault.Remaining is not { } left) continue;
                if (left > 1) faults[i] = fault with { Remaining = left - 1 };
                else faults.RemoveAt(i--);
            }
            return fired;
        }
    }
}

namespace Wix.Auth.Conformance;

/// <summary>What to replay, through which adapter.</summary>
public sealed record RunOptions
{
    /// <summary>The adapter's command line, run through the shell.</summary>
    public string? AdapterCommand { get; init; }

    /// <summary>The spec directory: <c>transitions.json</c> and <c>vectors/</c> are read from it.</summary>
    public string SpecDirectory { get; init; } = "spec";

    /// <summary>The files to replay; empty: all of them.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The functions to ask; empty: all of them. Cases of the others count as not implemented.</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];

    /// <summary>How many failures of a file are printed in full.</summary>
    public int Show { get; init; } = 10;

    /// <summary>How long one answer may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Print the usage and stop.</summary>
    public bool Help { get; init; }
}

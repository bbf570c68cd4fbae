namespace Wix.Auth.SpecGen.Uts46;

/// <summary>
/// <paramref name="First"/>..<paramref name="Last"/> (inclusive) have <paramref name="Value"/> (a status, a Bidi group, a
/// Joining_Type; empty for a yes/no property); a mapped range also has its <paramref name="Mapping"/>, the same for each.
/// </summary>
/// <param name="First">The first code point.</param>
/// <param name="Last">The last code point.</param>
/// <param name="Value">The value of the property.</param>
/// <param name="Mapping">What a mapped code point is replaced with.</param>
public sealed record Uts46Range(int First, int Last, string Value, string Mapping = "");

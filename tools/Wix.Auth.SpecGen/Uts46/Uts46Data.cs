namespace Wix.Auth.SpecGen.Uts46;

/// <summary>
/// The Unicode data the host rules of spec/parsing.md need, as ranges of code points: the UTS 46 status of every
/// code point (with the mapping of a mapped one), and the four properties the validity criteria read — the Bidi_Class
/// groups of RFC 5893, the Joining_Type of RFC 5892's CONTEXTJ rule, Canonical_Combining_Class Virama, and
/// General_Category Mark. Every list is sorted and its ranges do not overlap; the statuses cover U+0000..U+10FFFF.
/// </summary>
/// <param name="UnicodeVersion">The Unicode version of the data (UTS 46 has one revision per version).</param>
/// <param name="Source">Where the data came from, for the file's header.</param>
/// <param name="Statuses">The UTS 46 status (and mapping) of every code point.</param>
/// <param name="Bidi">The Bidi groups: L, R (R and AL), AN, EN, NSM, N (ES, CS, ET, ON, BN).</param>
/// <param name="Joining">Joining_Type L, R, D or T.</param>
/// <param name="Virama">Canonical_Combining_Class Virama.</param>
/// <param name="Marks">General_Category Mark.</param>
public sealed record Uts46Data(
    string UnicodeVersion,
    string Source,
    IReadOnlyList<Uts46Range> Statuses,
    IReadOnlyList<Uts46Range> Bidi,
    IReadOnlyList<Uts46Range> Joining,
    IReadOnlyList<Uts46Range> Virama,
    IReadOnlyList<Uts46Range> Marks);

namespace Wix.Auth.Core.Parsing;

/// <summary>A code point's status in the UTS 46 mapping table (spec/data/uts46.txt); the numbers are the core table's.</summary>
internal enum Uts46Status
{
    /// <summary>Never in a valid label; kept by the mapping step, refused by the validity criteria.</summary>
    Disallowed = 0,

    /// <summary>Kept as it is.</summary>
    Valid = 1,

    /// <summary>Replaced by its mapping.</summary>
    Mapped = 2,

    /// <summary>Kept as it is under nontransitional processing, the URL standard's (ß, ς, ZWNJ, ZWJ).</summary>
    Deviation = 3,

    /// <summary>Removed.</summary>
    Ignored = 4,
}

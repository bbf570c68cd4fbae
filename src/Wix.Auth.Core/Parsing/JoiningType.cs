namespace Wix.Auth.Core.Parsing;

/// <summary>The Joining_Type values that RFC 5892's rule for ZERO WIDTH NON-JOINER reads; the numbers are the core table's.</summary>
internal enum JoiningType
{
    /// <summary>U (non-joining) or C (join-causing), which the rule does not name.</summary>
    None = 0,

    /// <summary>Left-joining.</summary>
    L = 1,

    /// <summary>Right-joining.</summary>
    R = 2,

    /// <summary>Dual-joining.</summary>
    D = 3,

    /// <summary>Transparent.</summary>
    T = 4,
}

namespace Wix.Auth.Core.Parsing;

/// <summary>The Bidi_Class values that the Bidi rule of RFC 5893 tells apart; the numbers are the core table's.</summary>
internal enum BidiGroup
{
    /// <summary>Any class the rule names nowhere (B, S, WS, the embedding and isolate controls): no label of a Bidi domain may hold one.</summary>
    Other = 0,

    /// <summary>L: left to right.</summary>
    L = 1,

    /// <summary>R or AL: right to left.</summary>
    R = 2,

    /// <summary>AN: an Arabic number.</summary>
    AN = 3,

    /// <summary>EN: a European number.</summary>
    EN = 4,

    /// <summary>NSM: a non-spacing mark.</summary>
    NSM = 5,

    /// <summary>ES, CS, ET, ON or BN, which the rule always treats alike.</summary>
    N = 6,
}

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// Look-ups in the UTS 46 data of spec/data/uts46.txt, whose ranges <c>Uts46Table.Data.cs</c> holds as static data:
/// a binary search over the first code points of the ranges, without allocating.
/// </summary>
internal static partial class Uts46Table
{
    /// <summary>The status of <paramref name="codePoint"/>, and what it maps to (empty unless mapped).</summary>
    public static Uts46Status Status(int codePoint, out ReadOnlySpan<char> mapping)
    {
        var info = StatusInfo[RangeOf(StatusStarts, codePoint)];
        mapping = Mappings.AsSpan(info >> 8, (info >> 3) & 31);
        return (Uts46Status)(info & 7);
    }

    /// <summary>The Bidi group of <paramref name="codePoint"/>.</summary>
    public static BidiGroup Bidi(int codePoint) => (BidiGroup)(Properties(codePoint) & 7);

    /// <summary>The Joining_Type of <paramref name="codePoint"/>, as far as RFC 5892 needs it.</summary>
    public static JoiningType Joining(int codePoint) => (JoiningType)((Properties(codePoint) >> 3) & 7);

    /// <summary>Whether the Canonical_Combining_Class of <paramref name="codePoint"/> is Virama.</summary>
    public static bool IsVirama(int codePoint) => (Properties(codePoint) & 64) != 0;

    /// <summary>Whether the General_Category of <paramref name="codePoint"/> is a Mark.</summary>
    public static bool IsMark(int codePoint) => (Properties(codePoint) & 128) != 0;

    private static byte Properties(int codePoint) => PropertyValues[RangeOf(PropertyStarts, codePoint)];

    // The last range starting at or before the code point (the first range starts at 0).
    private static int RangeOf(ReadOnlySpan<int> starts, int codePoint)
    {
        var found = starts.BinarySearch(codePoint);
        return found >= 0 ? found : ~found - 1;
    }
}

namespace Wix.Auth.SpecGen.Uts46;

/// <summary>Sets of code points as sorted, merged <see cref="Uts46Range"/> lists.</summary>
public static class Ranges
{
    /// <summary>The code points of <paramref name="set"/> as ranges with <paramref name="value"/>.</summary>
    public static List<Uts46Range> Of(IEnumerable<int> set, string value)
    {
        var ranges = new List<Uts46Range>();
        foreach (var cp in set.Order())
            if (ranges.Count > 0 && ranges[^1].Last + 1 == cp) ranges[^1] = ranges[^1] with { Last = cp };
            else ranges.Add(new(cp, cp, value));
        return ranges;
    }

    /// <summary>Sorted by first code point, neighbours with the same value and mapping joined.</summary>
    public static List<Uts46Range> Merge(IEnumerable<Uts46Range> ranges)
    {
        var merged = new List<Uts46Range>();
        foreach (var r in ranges.OrderBy(r => r.First))
        {
            if (merged.Count > 0 && merged[^1].Last >= r.First) throw new InvalidDataException($"overlapping ranges at U+{r.First:X4}");
            if (merged.Count > 0 && merged[^1].Last + 1 == r.First && merged[^1].Value == r.Value && merged[^1].Mapping == r.Mapping)
                merged[^1] = merged[^1] with { Last = r.Last };
            else merged.Add(r);
        }
        return merged;
    }

    /// <summary>Whether <paramref name="cp"/> lies in a range of <paramref name="value"/>.</summary>
    public static bool Covers(IEnumerable<Uts46Range> ranges, int cp, string value) =>
        ranges.Any(r => r.First <= cp && cp <= r.Last && r.Value == value);
}

using Wix.Auth.Core.Parsing;
using Wix.Auth.SpecGen.Uts46;
using Wix.Auth.Tests.Shared;
using Xunit;

namespace Wix.Auth.Tests.Spec;

/// <summary>
/// The core's table is what spec/data/uts46.txt generates, and the core's look-ups answer for every code point what the
/// file says: the spec's data and the core's cannot drift apart. (That the file is what tr46 generates is checked with
/// the other comparisons with JavaScript, in Differential/Uts46SourceTests.)
/// </summary>
public sealed class Uts46DataTests
{
    private static readonly string Committed = File.ReadAllText(RepoRoot.File(Uts46DataFile.Path));
    private static readonly Uts46Data Data = Uts46DataFile.Read(Committed);

    [Fact]
    public void The_file_reads_back_as_it_was_written() => Assert.Equal(Committed, Uts46DataFile.Write(Data));

    [Fact]
    public void The_cores_table_is_what_the_data_file_generates()
    {
        Assert.True(Uts46CSharp.Write(Data) == File.ReadAllText(RepoRoot.File(Uts46CSharp.Path)),
            $"src/Wix.Auth.Core/Parsing/Uts46Table.Data.cs is not what spec/data/uts46.txt generates: regenerate with {Uts46DataFile.Command}");
        Assert.Equal(Uts46Table.UnicodeVersion, Data.UnicodeVersion);
    }

    [Fact]
    public void The_statuses_cover_every_code_point_once()
    {
        Assert.Equal(0, Data.Statuses[0].First);
        Assert.Equal(0x10FFFF, Data.Statuses[^1].Last);
        Assert.All(Data.Statuses.Zip(Data.Statuses.Skip(1)), p => Assert.Equal(p.Item1.Last + 1, p.Item2.First));
    }

    [Fact]
    public void The_cores_look_ups_answer_what_the_data_file_says_for_every_code_point()
    {
        var wrong = new List<string>();
        foreach (var r in Data.Statuses)
            for (var cp = r.First; cp <= r.Last; cp++)
            {
                var status = Uts46Table.Status(cp, out var mapping);
                if (status.ToString().ToLowerInvariant() != r.Value || mapping.ToString() != r.Mapping) wrong.Add($"U+{cp:X4} status");
            }
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (Uts46Table.Bidi(cp) is var bidi && (bidi == BidiGroup.Other ? "" : bidi.ToString()) != Value(Data.Bidi, cp)) wrong.Add($"U+{cp:X4} bidi");
            if (Uts46Table.Joining(cp) is var joining && (joining == JoiningType.None ? "" : joining.ToString()) != Value(Data.Joining, cp)) wrong.Add($"U+{cp:X4} joining");
            if (Uts46Table.IsVirama(cp) != (Value(Data.Virama, cp) is not null)) wrong.Add($"U+{cp:X4} virama");
            if (Uts46Table.IsMark(cp) != (Value(Data.Marks, cp) is not null)) wrong.Add($"U+{cp:X4} mark");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} look-ups differ from spec/data/uts46.txt, e.g. {string.Join(", ", wrong.Take(10))}");
    }

    // The value of the range holding the code point ("" for a yes/no property), or null when none does; absent Bidi and
    // joining values read as "".
    private static string? Value(IReadOnlyList<Uts46Range> ranges, int cp)
    {
        int lo = 0, hi = ranges.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (ranges[mid].Last < cp) lo = mid + 1;
            else if (ranges[mid].First > cp) hi = mid - 1;
            else return ranges[mid].Value;
        }
        return ranges == Data.Bidi || ranges == Data.Joining ? "" : null;
    }
}

using System.Globalization;
using System.Text;

namespace Wix.Auth.SpecGen.Uts46;

/// <summary>
/// <c>spec/data/uts46.txt</c>: <see cref="Uts46Data"/> as a line-per-range text table any language can read, in the
/// manner of the Unicode Character Database's own files.
/// </summary>
public static class Uts46DataFile
{
    /// <summary>The path of the file, relative to the repository root.</summary>
    public static readonly string[] Path = ["spec", "data", "uts46.txt"];

    /// <summary>The command that regenerates the file and the core's table, run from the repository root.</summary>
    public const string Command = "dotnet run --project tools/Wix.Auth.SpecGen -c Release -- uts46 tests/js/node_modules/tr46";

    /// <summary>The file's text.</summary>
    public static string Write(Uts46Data data)
    {
        var text = new StringBuilder();
        text.Append($"""
            # UTS 46 (Unicode IDNA Compatibility Processing) data for Unicode {data.UnicodeVersion}, read by the host rules
            # of spec/parsing.md ("Host processing"). Generated from {data.Source} (the URL standard's reference
            # implementation of UTS 46) by: {Command}
            #
            # Each line: first[..last] ; property [; value [; mapping]]. Code points are hexadecimal; a range is inclusive.
            #   status   valid | mapped | deviation | ignored | disallowed   (every code point has exactly one)
            #            a mapped line's fourth field is the code points it maps to, the same for each code point of the range
            #   bidi     L | R (Bidi_Class R or AL) | AN | EN | NSM | N (ES, CS, ET, ON or BN)   (absent: any other class)
            #   joining  L | R | D | T   (Joining_Type; absent: U or C)
            #   virama   Canonical_Combining_Class is Virama (9)
            #   mark     General_Category is Mark (Mn, Mc or Me)
            version ; {data.UnicodeVersion}
            source ; {data.Source}

            """.ReplaceLineEndings("\n"));
        Section(text, "status", data.Statuses);
        Section(text, "bidi", data.Bidi);
        Section(text, "joining", data.Joining);
        Section(text, "virama", data.Virama);
        Section(text, "mark", data.Marks);
        return text.ToString();
    }

    /// <summary>The data of a file's <paramref name="text"/>.</summary>
    public static Uts46Data Read(string text)
    {
        var version = "";
        var source = "";
        var lists = new Dictionary<string, List<Uts46Range>> { ["status"] = [], ["bidi"] = [], ["joining"] = [], ["virama"] = [], ["mark"] = [] };
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(" ; ");
            if (fields[0] == "version") { version = fields[1]; continue; }
            if (fields[0] == "source") { source = fields[1]; continue; }
            var bounds = fields[0].Split("..");
            var first = Hex(bounds[0]);
            var last = bounds.Length > 1 ? Hex(bounds[1]) : first;
            var mapping = fields.Length > 3 ? string.Concat(fields[3].Split(' ').Select(h => char.ConvertFromUtf32(Hex(h)))) : "";
            lists[fields[1]].Add(new(first, last, fields.Length > 2 ? fields[2] : "", mapping));
        }
        return new(version, source, lists["status"], lists["bidi"], lists["joining"], lists["virama"], lists["mark"]);
    }

    private static void Section(StringBuilder text, string property, IEnumerable<Uts46Range> ranges)
    {
        foreach (var r in ranges)
        {
            text.Append(r.First == r.Last ? $"{r.First:X4}" : $"{r.First:X4}..{r.Last:X4}").Append(" ; ").Append(property);
            if (r.Value.Length > 0) text.Append(" ; ").Append(r.Value);
            if (r.Value == "mapped") text.Append(" ; ").AppendJoin(' ', r.Mapping.EnumerateRunes().Select(c => $"{c.Value:X4}"));
            text.Append('\n');
        }
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Wix.Auth.SpecGen.Uts46;

/// <summary>
/// Reads the npm package <c>tr46</c>, the URL standard's reference implementation of UTS 46, which carries the standard's
/// mapping table (<c>lib/mappingTable.json</c>, from IdnaMappingTable.txt) and the character classes its validity checks use
/// (<c>lib/regexes.js</c>, from the Unicode Character Database), and turns them into <see cref="Uts46Data"/>.
/// The Bidi and joining classes are recovered from the regexes, and checked against each other, so that a change of their
/// shape in a later tr46 fails here instead of producing wrong data.
/// </summary>
public static partial class Tr46Source
{
    /// <summary>The tr46 versions this reader knows, with the Unicode version of their data (the package does not state it).</summary>
    /// <remarks>tr46 7.0.0 is built from Unicode 17.0.0: the Sidetic letters U+10940..U+10959, new in 17.0, are valid in it.</remarks>
    public static readonly IReadOnlyDictionary<string, string> UnicodeVersions = new Dictionary<string, string> { ["7.0.0"] = "17.0.0" };

    /// <summary>The data of the tr46 package unpacked in <paramref name="packageDirectory"/>.</summary>
    public static Uts46Data Read(string packageDirectory)
    {
        var version = JsonNode.Parse(File.ReadAllText(Path.Combine(packageDirectory, "package.json")))!["version"]!.GetValue<string>();
        if (!UnicodeVersions.TryGetValue(version, out var unicode))
            throw new InvalidDataException($"tr46 {version} is not known here: check its Unicode version and add it to Tr46Source.UnicodeVersions.");
        var statuses = Statuses(File.ReadAllText(Path.Combine(packageDirectory, "lib", "mappingTable.json")));
        var classes = Classes(File.ReadAllText(Path.Combine(packageDirectory, "lib", "regexes.js")));
        var data = new Uts46Data(unicode, $"tr46 {version}", statuses, Bidi(classes), Joining(classes),
            Ranges.Of(classes["combiningClassVirama"][0], ""), Ranges.Of(classes["combiningMarks"][0], ""));
        if (!Ranges.Covers(statuses, 0x10940, "valid")) throw new InvalidDataException("U+10940 (Unicode 17.0) is not valid: not Unicode 17 data");
        return data;
    }

    private static readonly string[] StatusNames = ["", "mapped", "valid", "disallowed", "", "", "deviation", "ignored"];

    // [[first,last],status,mapping?] or [codePoint,status,mapping?]; the mapping of a deviation is for transitional
    // processing only, which the URL standard does not use, so it is left out.
    private static List<Uts46Range> Statuses(string json)
    {
        var rows = new List<Uts46Range>();
        foreach (var row in JsonNode.Parse(json)!.AsArray())
        {
            var (first, last) = row![0] is JsonArray pair ? (pair[0]!.GetValue<int>(), pair[1]!.GetValue<int>()) : (row[0]!.GetValue<int>(), row[0]!.GetValue<int>());
            var status = StatusNames[row[1]!.GetValue<int>()];
            var mapping = status == "mapped" ? row[2]!.GetValue<string>() : "";
            rows.Add(new(first, last, status, mapping));
        }
        return Ranges.Merge(rows);
    }

    // The Bidi groups RFC 5893's rules tell apart: L; R (R and AL); AN; EN; NSM; N (ES, CS, ET, ON, BN, which the rules
    // always treat alike). Any other class (B, S, WS, the embedding controls…) is absent from the list.
    private static List<Uts46Range> Bidi(Dictionary<string, List<HashSet<int>>> c)
    {
        var l = c["bidiS1LTR"][0];
        var r = c["bidiS1RTL"][0];
        var an = c["bidiS4AN"][0];
        var en = c["bidiS4EN"][0];
        var nsm = c["bidiS3"][1];
        var n = new HashSet<int>(c["bidiS2"][0]);
        n.ExceptWith(r); n.ExceptWith(an); n.ExceptWith(en); n.ExceptWith(nsm);
        Expect(c["bidiS6"][1].SetEquals(nsm), "bidiS6's trailing class is not bidiS3's (NSM)");
        Expect(c["bidiS3"][0].SetEquals(Union(r, en, an)), "bidiS3 is not R, AL, EN, AN");
        Expect(c["bidiS6"][0].SetEquals(Union(l, en)), "bidiS6 is not L, EN");
        Expect(c["bidiS5"][0].SetEquals(Union(l, en, n, nsm)), "bidiS5 is not L, EN, ES, CS, ET, ON, BN, NSM");
        Expect(c["bidiDomain"][0].SetEquals(Union(r, an)), "bidiDomain is not R, AL, AN");
        Expect(Disjoint(l, r, an, en, nsm, n), "the Bidi groups overlap");
        return Ranges.Merge([.. Ranges.Of(l, "L"), .. Ranges.Of(r, "R"), .. Ranges.Of(an, "AN"), .. Ranges.Of(en, "EN"), .. Ranges.Of(nsm, "NSM"), .. Ranges.Of(n, "N")]);
    }

    // validZWNJ is [L D][T]*ZWNJ[T]*[R D]: D joins on both sides, L only before a ZWNJ, R only after it.
    private static List<Uts46Range> Joining(Dictionary<string, List<HashSet<int>>> c)
    {
        var (before, t, t2, after) = (c["validZWNJ"][0], c["validZWNJ"][1], c["validZWNJ"][2], c["validZWNJ"][3]);
        Expect(t.SetEquals(t2), "validZWNJ's two transparent classes differ");
        var d = new HashSet<int>(before); d.IntersectWith(after);
        var l = new HashSet<int>(before); l.ExceptWith(after);
        var r = new HashSet<int>(after); r.ExceptWith(before);
        Expect(Disjoint(d, l, r, t), "the joining types overlap");
        return Ranges.Merge([.. Ranges.Of(d, "D"), .. Ranges.Of(l, "L"), .. Ranges.Of(r, "R"), .. Ranges.Of(t, "T")]);
    }

    // Each `const name = /…/u;` of regexes.js, as the character classes ([…]) of its pattern, in order.
    private static Dictionary<string, List<HashSet<int>>> Classes(string js)
    {
        var classes = new Dictionary<string, List<HashSet<int>>>();
        foreach (Match m in Declaration().Matches(js))
            classes[m.Groups[1].Value] = [.. ClassText().Matches(m.Groups[2].Value).Select(c => CharacterClass(c.Groups[1].Value))];
        foreach (var (name, count) in new[] { ("combiningMarks", 1), ("combiningClassVirama", 1), ("validZWNJ", 4), ("bidiDomain", 1), ("bidiS1LTR", 1),
                     ("bidiS1RTL", 1), ("bidiS2", 1), ("bidiS3", 2), ("bidiS4EN", 1), ("bidiS4AN", 1), ("bidiS5", 1), ("bidiS6", 2) })
            Expect(classes.TryGetValue(name, out var found) && found.Count == count, $"regexes.js: {name} is missing or has not {count} classes");
        return classes;
    }

    // The body of a [...] class: \uXXXX, \u{X…}, \xXX, \0, \c (c literal), or a literal character; a-b for ranges.
    private static HashSet<int> CharacterClass(string body)
    {
        var set = new HashSet<int>();
        var i = 0;
        int Next()
        {
            if (body[i] != '\\')
            {
                var literal = char.ConvertToUtf32(body, i);
                i += literal > 0xFFFF ? 2 : 1;
                return literal;
            }
            i++;
            var c = body[i++];
            if (c == 'u' && body[i] == '{') { var end = body.IndexOf('}', i); var v = Hex(body[(i + 1)..end]); i = end + 1; return v; }
            if (c == 'u') { i += 4; return Hex(body[(i - 4)..i]); }
            if (c == 'x') { i += 2; return Hex(body[(i - 2)..i]); }
            return c == '0' ? 0 : c;
        }
        while (i < body.Length)
        {
            var first = Next();
            var last = first;
            if (i + 1 < body.Length && body[i] == '-') { i++; last = Next(); }
            for (var cp = first; cp <= last; cp++) set.Add(cp);
        }
        return set;
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static HashSet<int> Union(params HashSet<int>[] sets) => [.. sets.SelectMany(s => s)];

    private static bool Disjoint(params HashSet<int>[] sets) => sets.Sum(s => s.Count) == Union(sets).Count;

    private static void Expect(bool condition, string what)
    {
        if (!condition) throw new InvalidDataException($"tr46's data is not shaped as this reader expects: {what}");
    }

    [GeneratedRegex(@"const (\w+) = /(.*)/u;")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\[((?:\\.|[^\]\\])*)\]")]
    private static partial Regex ClassText();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Parsing;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>
/// The core's UTS 46 ToASCII against tr46 (tests/js, pinned), the URL standard's reference implementation, with the
/// options of the URL standard: on every host of <see cref="Uts46Hosts"/> and on thousands of generated domains built
/// from the characters each rule turns on. Both the verdict and the ASCII result must be the same.
/// </summary>
public sealed class Uts46DifferentialTests(ITestOutputHelper output)
{
    private const string Tr46Version = "7.0.0";
    private const int GeneratedDomains = 4000;

    /// <summary>
    /// Where tr46 is known to be wrong, and the core follows the standard. tr46 checks a ZWNJ's context on the text between
    /// the previous ZWNJ it accepted by joining letters and the next ZWNJ, and searches it anywhere: a ZWNJ after a virama,
    /// accepted without moving that start, lets the next ZWNJ borrow the virama's neighbours. RFC 5892 A.1 reads the
    /// letters on either side of each ZWNJ itself.
    /// </summary>
    private static readonly IReadOnlyList<string> Tr46Errata = ["\u0628\u094d\u200c\u0628\u200c\u0661.example"];

    // Pieces each rule reacts to: ignored, mapped, deviation, disallowed, bidi classes, joining types, virama, marks, Punycode.
    private static readonly string[] Pieces =
    [
        "a", "b", "x", "1", "0", "-", ".", ".", "\u00ad", "\u200c", "\u200d", "\u094d", "\u0915", "\u0628", "\u0627", "\u0651", "\u05d0",
        "\u0661", "\u06f1", "\u0300", "\u00df", "\u03c2", "A", "\uff21", "xn--", "\u3002", "\ufffd", "\u0378", "\ud83d\ude00", "\u2488", "\u00fc", "_",
    ];

    [Fact]
    public void ToAscii_equals_the_reference_implementations()
    {
        var domains = Uts46Hosts.All.Select(h => FormUrlEncoded.PercentDecode(h)).Concat(Generated()).ToList();
        var json = JsonNode.Parse(NodeScript.Run("uts46.mjs", JsonSerializer.Serialize(domains)))!;
        Assert.Equal(Tr46Version, json["tr46"]!.GetValue<string>());
        var theirs = json["results"]!.AsArray().Select(r => r?.GetValue<string>()).ToList();
        Assert.Equal(domains.Count, theirs.Count);
        var differ = new List<string>();
        var (accepted, errata) = (0, 0);
        for (var i = 0; i < domains.Count; i++)
        {
            var ours = Uts46.ToAscii(domains[i]);
            if (ours is not null) accepted++;
            if (Tr46Errata.Contains(domains[i])) { errata++; Assert.True(ours is null && theirs[i] is not null, $"{Show(domains[i])} is no longer an erratum"); }
            else if (ours != theirs[i]) differ.Add($"{Show(domains[i])}: ours {ours ?? "(fails)"}, tr46 {theirs[i] ?? "(fails)"}");
        }
        output.WriteLine($"{domains.Count} domains, {accepted} accepted, {differ.Count} different, {errata} tr46 errata");
        Assert.True(differ.Count == 0, $"{differ.Count} domains where ToASCII differs from tr46's:\n  " + string.Join("\n  ", differ.Take(20)));
        Assert.Equal(Tr46Errata.Count, errata);
        // Both outcomes well represented: a generator that only makes failures would prove little.
        Assert.InRange(accepted, domains.Count / 5, domains.Count * 4 / 5);
    }

    private static IEnumerable<string> Generated()
    {
        var random = new Random(46);
        for (var i = 0; i < GeneratedDomains; i++)
        {
            var pieces = Enumerable.Range(0, random.Next(1, 9)).Select(_ => Pieces[random.Next(Pieces.Length)]);
            yield return random.Next(8) == 0
                ? "xn--" + new string([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789-"[random.Next(37)])])
                : string.Concat(pieces);
        }
    }

    private static string Show(string domain) =>
        string.Concat(domain.Take(80).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}")) + (domain.Length > 80 ? "…" : "");
}

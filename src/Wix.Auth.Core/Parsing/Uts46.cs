using System.Text;

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// UTS 46 ToASCII as the URL standard's "domain to ASCII" calls it for a URL's host: CheckHyphens, UseSTD3ASCIIRules,
/// Transitional_Processing and VerifyDnsLength false, CheckBidi and CheckJoiners true; an empty result fails. The data
/// is spec/data/uts46.txt (<see cref="Uts46Table"/>); normalisation is .NET's NFC. spec/parsing.md ("Host processing")
/// states the same steps for a port.
/// </summary>
internal static class Uts46
{
    private const int Zwnj = 0x200C, Zwj = 0x200D;

    /// <summary>The ASCII form of <paramref name="domain"/>, or null when UTS 46 (or the URL standard) refuses it.</summary>
    public static string? ToAscii(string domain)
    {
        if (Map(domain) is not { } mapped) return null;
        var labels = mapped.Split('.');
        // Labels that start with xn-- are checked in their decoded form, which also decides whether this is a Bidi domain.
        var decoded = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!labels[i].StartsWith("xn--", StringComparison.Ordinal)) continue;
            if (!Ascii.IsValid(labels[i]) || Punycode.Decode(labels[i].AsSpan(4)) is not { } label || Ascii.IsValid(label)) return null;
            (labels[i], decoded[i]) = (label, true);
        }
        var bidiDomain = false;
        foreach (var label in labels)
            foreach (var rune in label.EnumerateRunes())
                bidiDomain |= Uts46Table.Bidi(rune.Value) is BidiGroup.R or BidiGroup.AN;
        for (var i = 0; i < labels.Length; i++)
        {
            if (!IsValid(labels[i], decoded[i], bidiDomain)) return null;
            if (Ascii.IsValid(labels[i])) continue;
            if (Punycode.Encode(labels[i]) is not { } encoded) return null;
            labels[i] = "xn--" + encoded;
        }
        var ascii = string.Join('.', labels);
        return ascii.Length == 0 ? null : ascii;
    }

    // Steps 1 and 2: each code point by its status, then NFC; null at the first disallowed code point, which UTS 46 keeps
    // for the validity criteria to refuse in whichever label holds it (failing at once also keeps U+FFFE, which .NET's
    // normalisation throws on, from it). A lone surrogate reads as U+FFFD, disallowed, as in the URL standard.
    private static string? Map(string domain)
    {
        var mapped = new StringBuilder(domain.Length);
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in domain.EnumerateRunes())
        {
            var status = Uts46Table.Status(rune.Value, out var mapping);
            if (status == Uts46Status.Disallowed) return null;
            if (status == Uts46Status.Mapped) mapped.Append(mapping);
            else if (status != Uts46Status.Ignored) mapped.Append(utf16[..rune.EncodeToUtf16(utf16)]);
        }
        var text = mapped.ToString();
        return text.IsNormalized() ? text : text.Normalize();
    }

    // The validity criteria of UTS 46 §4.1 for nontransitional processing without CheckHyphens, for a non-empty label.
    // NFC and no leading "xn--" can only fail in a label that came from Punycode: the others come from an NFC string split
    // at "." and did not start with "xn--". No label holds a ".": the domain was split at each, and Punycode inserts none.
    private static bool IsValid(string label, bool decoded, bool bidiDomain)
    {
        if (label.Length == 0) return true;
        if (decoded && (!label.IsNormalized() || label.StartsWith("xn--", StringComparison.Ordinal))) return false;
        var codePoints = new List<int>(label.Length);
        foreach (var rune in label.EnumerateRunes()) codePoints.Add(rune.Value);
        if (Uts46Table.IsMark(codePoints[0])) return false;
        foreach (var c in codePoints)
            if (Uts46Table.Status(c, out _) is not (Uts46Status.Valid or Uts46Status.Deviation)) return false;
        return Joiners(codePoints) && (!bidiDomain || Bidi(codePoints));
    }

    // CONTEXTJ (RFC 5892 Appendix A.1, A.2): ZWJ and ZWNJ follow a virama; or ZWNJ sits between a left- or dual-joining
    // and a right- or dual-joining letter, with transparent ones allowed in between.
    private static bool Joiners(List<int> label)
    {
        for (var i = 0; i < label.Count; i++)
        {
            if (label[i] is not (Zwnj or Zwj) || (i > 0 && Uts46Table.IsVirama(label[i - 1]))) continue;
            if (label[i] == Zwj) return false;
            var before = i - 1;
            while (before >= 0 && Uts46Table.Joining(label[before]) == JoiningType.T) before--;
            var after = i + 1;
            while (after < label.Count && Uts46Table.Joining(label[after]) == JoiningType.T) after++;
            if (before < 0 || Uts46Table.Joining(label[before]) is not (JoiningType.L or JoiningType.D)) return false;
            if (after == label.Count || Uts46Table.Joining(label[after]) is not (JoiningType.R or JoiningType.D)) return false;
        }
        return true;
    }

    // The Bidi rule (RFC 5893 §2), for every non-empty label of a domain with a right-to-left or Arabic-number character.
    private static bool Bidi(List<int> label)
    {
        var first = Uts46Table.Bidi(label[0]);
        if (first is not (BidiGroup.L or BidiGroup.R)) return false; // rule 1
        var rtl = first == BidiGroup.R;
        bool en = false, an = false;
        var last = BidiGroup.Other;
        foreach (var c in label)
        {
            var group = Uts46Table.Bidi(c);
            // Rules 2 and 5: which classes each direction allows.
            if (group == BidiGroup.Other || group == (rtl ? BidiGroup.L : BidiGroup.R) || (!rtl && group == BidiGroup.AN)) return false;
            en |= group == BidiGroup.EN;
            an |= group == BidiGroup.AN;
            if (group != BidiGroup.NSM) last = group;
        }
        // Rules 3 and 6: how the label ends, before any trailing marks; rule 4: never both kinds of digits right to left.
        return rtl
            ? last is BidiGroup.R or BidiGroup.EN or BidiGroup.AN && !(en && an)
            : last is BidiGroup.L or BidiGroup.EN;
    }
}

namespace Wix.Auth.SpecGen.Cases;

/// <summary>
/// Hosts that tell a real UTS 46 implementation from an approximation of it, one branch of spec/parsing.md's host
/// processing each. parse.json has each as <c>https://{host}/cb#code=abc&amp;state=xyz</c>; tests/Spec compares the
/// core's ToASCII of each with the URL standard's reference implementation.
/// </summary>
public static class Uts46Hosts
{
    /// <summary>Each host as it is written in the URL (percent-encoded or not).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        // Ignored code points vanish (soft hyphen, zero width space, a variation selector): a label of only them is empty,
        // which is allowed; a host of only them is empty, which fails.
        "\u00ad.com", "%C2%AD.com", "\u00ad.\u00ad", "\u200b.com", "a\ufe0f.com", ".com", "\u00ad", "%C2%AD",
        // Mapped: upper case, full width letters and digits (an IPv4 address once mapped), the ideographic full stop,
        // a mapping to several characters, and mappings to forbidden code points.
        "\uff33\uff28\uff2f\uff30.example", "shop\u3002example", "\uff11\uff12\uff17.0.0.1", "\u2474.com", "\uff0f.com", "\u2100.com",
        // Deviation characters stay (nontransitional processing): sharp s, final sigma, and the capital sharp s that maps to ß.
        "stra\u00dfe.example", "\u03c2.example", "\u1e9e.example",
        // Disallowed: the replacement character (also from bad UTF-8), an unassigned code point, a bidi isolate, ⒈.
        "a\ufffd.com", "%FF.com", "\u0378.com", "a\u2066b.com", "\u2488.com",
        // A label may not start with a combining mark.
        "\u0301a.com", "a\u0301.com",
        // Bidi (RFC 5893): right-to-left labels, a digit first, mixed directions, both kinds of digits, a bad ending, and
        // an all-ASCII label in a domain that has a right-to-left one.
        "\u05d0\u05d1.example", "\u05d01.example", "\u05d0\u0300.example", "1\u05d0.example", "a\u05d0.example", "\u05d0a.example",
        "\u0627\u0661.example", "\u0627\u0661\u0031.example", "\u05d0-.example", "\u0661.example", "a-.example", "a-.\u05d0", "1.\u05d0.example", "1.xn--4db.example",
        // Joiners (RFC 5892 CONTEXTJ): after a virama; between joining letters, with a transparent mark; bare; at an end;
        // after a right-joining letter; and one ZWNJ right after a valid one whose own neighbours do not join.
        "\u0915\u094d\u200d\u0937.example", "\u0915\u094d\u200c\u0937.example", "\u0628\u200c\u0628.example", "\u0628\u0651\u200c\u0628.example",
        "a\u200db.example", "a\u200cb.example", "\u0915\u200d\u0937.example", "\u0628\u200c.example", "\u0627\u200c\u0628.example",
        "\u0628\u094d\u200c\u0628\u200c\u0661.example",
        // Punycode labels: valid ones in any case; ones that do not decode (a bad digit, cut short, an overflow, beyond
        // U+10FFFF); ones that decode to nothing, to ASCII only, to a disallowed or mapped code point, to a surrogate,
        // to a non-NFC label, to a label starting with a combining mark or with xn--; and one with a non-ASCII character.
        "xn--ls8h.la", "\ud83d\udca9.la", "XN--BCHER-KVA.example", "xn--Bcher-kva.example",
        "xn---abc.example", "xn--b.example", "xn--99999999.example", "xn--en32g.example", "xn--dn32g.example",
        "xn--", "xn--.com", "xn--abc-.example", "xn--ss-.example", "xn--a.example", "xn--wca.example", "xn--ib9b.example",
        "xn--a-xbb.example", "xn--a-wbb.example", "xn--xn---3ra.example", "xn--b\u00fccher.example",
        // Labels whose Punycode would pass 2^31 − 1 (each ⒇ maps to the four basic code points "(20)"): 10,801 basic code
        // points before one ideograph of plane 3 overflow the first step; 8,226 before U+3FC24 reach 2^31 − 1 exactly while
        // counting the basic code points that precede it. (8,225 stay below it, and encode: Uts46Tests has that one, as
        // Node 20's URL parser refuses it for a reason of its own.)
        string.Concat(Enumerable.Repeat("\u2487", 2700)) + "\U000323B0.example",
        string.Concat(Enumerable.Repeat("\u2487", 2056)) + "aa\U0003FC24.example",
        // Encoding at the bound: 16,383 basic code points then U+2007F make delta exactly 2^31 − 1 ((0x2007F − 127) ×
        // 16,384 = 2^31), which encodes (xn--…abc-w416146o), as Unicode and as Punycode (whose decoding ends with i at
        // 2^31 − 1 exactly); with one code point more (U+4E00, then U+24E00 = U+4E00 + 2^17, after 16,382) it is 2^31 and
        // overflows. 14,572 basic code points, U+7242 and U+27300: the second
        // decodes (bias 117) through a digit weight of 42,875,000 = 35³ × 10³, more than (2^31 − 1) / 62.
        string.Concat(Enumerable.Repeat("\u2487", 4095)) + "abc\U0002007F.example",
        "xn--" + string.Concat(Enumerable.Repeat("\u2487", 4095)) + "abc-w416146o.example",
        string.Concat(Enumerable.Repeat("\u2487", 4095)) + "ab\u4e00\U00024E00.example",
        "xn--" + string.Concat(Enumerable.Repeat("\u2487", 3643)) + "-dz07575a20m2375b.example",
        // Punycode that takes many steps, each read back with the bias the previous one left: code points far apart and
        // repeated, inserted before and after earlier ones, digits 0-9 and letters a-z (the boundaries 0, 9, a and z among
        // them), a first step whose damped delta is 455 (xn--abcdefghi-uu0vj297f) or just above it
        // (xn--abcdefghi-n56vk108b); and a character that is no Punycode digit among the digits (xn--*80a fails).
        "xn--s1bvspt6bcp5a1ew2584fda8101dy25ad0los8eh69ei32fl5mj9diyfu2lij1csq8azgzk.example",
        "xn--80aaaaaaaaaaaaaaaaaaaaaaaa80863k.example", "xn--0caaaaaaaa28854bv9ibl0mu1a56571aj9get9is00t1n5b.example",
        "xn--abcdefghi-uu0vj297f.example", "xn--abcdefghi-n56vk108b.example", "xn--*80a.example",
        // Encoded labels keep their xn-- (a.ο is a.xn--0xa, whose last label would otherwise read as a hex number), and
        // one code point whose Punycode is three digits, the weights of each step applied (ਨ is xn--w9b).
        "a.\u03bf", "\u0a28.example",
        // NFC before the joiner rule: a nukta after the virama moves before it, so the ZWNJ follows the virama.
        "\u0915\u094d\u093c\u200c\u0937.example",
        // Joiners: one first in its label; a transparent mark after the ZWNJ; a joining letter that is not the label's first.
        "\u200cb.example", "\u0628\u200c\u0651\u0628.example", "\u0628\u0628\u200c\u0628.example",
        // Bidi: an Arabic digit inside a left-to-right label, a left-to-right letter inside a right-to-left one, and both
        // kinds of digits with one kind twice.
        "a\u0661a.example", "\u05d0a\u05d0.example", "\u05d011\u0661.example", "\u05d01\u0661\u0661.example",
    ];
}

using System.Text;

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// Punycode (RFC 3492) with the parameters of IDNA, for the labels of UTS 46: decoding of the part after <c>xn--</c>,
/// and encoding of a label that is not all ASCII. Integers are bounded by 2^31 − 1 as in the URL standard's reference
/// implementation: what would exceed it fails (RFC 3492 §6.4).
/// </summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    /// <summary>
    /// The label that <paramref name="input"/> encodes, or null when it encodes none: a character that is no digit
    /// (<c>a</c>-<c>z</c>, <c>0</c>-<c>9</c>; the input is ASCII and lower case), a number cut short, an overflow, or a
    /// code point that is no Unicode scalar value.
    /// </summary>
    public static string? Decode(ReadOnlySpan<char> input)
    {
        // The basic code points are those before the last delimiter; a delimiter first is no delimiter but a bad digit.
        var basic = Math.Max(input.LastIndexOf('-'), 0);
        var output = new List<int>(input.Length);
        foreach (var c in input[..basic]) output.Add(c);
        int n = InitialN, i = 0, bias = InitialBias;
        for (var index = basic > 0 ? basic + 1 : 0; index < input.Length;)
        {
            int oldI = i, w = 1;
            for (var k = Base; ; k += Base)
            {
                if (index == input.Length) return null;
                var digit = Digit(input[index++]);
                if (digit == Base || digit > (int.MaxValue - i) / w) return null;
                i += digit * w;
                var t = Threshold(k, bias);
                if (digit < t) break;
                if (w > int.MaxValue / (Base - t)) return null;
                w *= Base - t;
            }
            var length = output.Count + 1;
            bias = Adapt(i - oldI, length, oldI == 0);
            // n is at most U+10FFFF and i at most 2^31 − 1 here, so a sum past 2^31 − 1 wraps below zero, which is no
            // scalar value either: the overflow check of RFC 3492 is the validity check.
            n += i / length;
            i %= length;
            if (!Rune.IsValid(n)) return null;
            output.Insert(i++, n);
        }
        var text = new StringBuilder(output.Count);
        foreach (var codePoint in output) text.Append(char.ConvertFromUtf32(codePoint));
        return text.ToString();
    }

    /// <summary>The Punycode of <paramref name="label"/>, without <c>xn--</c>; null on overflow.</summary>
    public static string? Encode(string label)
    {
        var codePoints = new List<int>(label.Length);
        foreach (var rune in label.EnumerateRunes()) codePoints.Add(rune.Value);
        var output = new StringBuilder();
        foreach (var c in codePoints)
            if (c < InitialN) output.Append((char)c);
        int basic = output.Length, handled = basic;
        if (basic > 0) output.Append('-');
        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < codePoints.Count)
        {
            var m = int.MaxValue;
            foreach (var c in codePoints)
                if (c >= n && c < m) m = c;
            if (m - n > (int.MaxValue - delta) / (handled + 1)) return null;
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var c in codePoints)
            {
                if (c < n && delta++ == int.MaxValue) return null;
                if (c != n) continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = Threshold(k, bias);
                    if (q < t) break;
                    output.Append(DigitChar(t + (q - t) % (Base - t)));
                    q = (q - t) / (Base - t);
                }
                output.Append(DigitChar(q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        return output.ToString();
    }

    private static int Threshold(int k, int bias) => k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;

    private static int Adapt(int delta, int length, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / length;
        var k = 0;
        for (; delta > (Base - TMin) * TMax / 2; k += Base) delta /= Base - TMin;
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }

    private static int Digit(char c) => c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? c - '0' + 26 : Base;

    private static char DigitChar(int digit) => (char)(digit < 26 ? 'a' + digit : '0' + digit - 26);
}

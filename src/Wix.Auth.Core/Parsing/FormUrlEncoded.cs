using System.Buffers;
using System.Text;

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> parser of the WHATWG URL standard, which
/// <c>URLSearchParams</c> (and so <c>@wix/sdk</c>) uses: <c>&amp;</c> separates pairs, the first <c>=</c>
/// separates name from value, <c>+</c> is a space, <c>%XX</c> is a byte, a malformed escape stays as
/// written, and the bytes are read as UTF-8 with U+FFFD for invalid sequences.
/// </summary>
public static class FormUrlEncoded
{
    /// <summary>
    /// Reads the next non-empty pair off the front of <paramref name="input"/>, raw (still encoded); false when none is
    /// left. A loop over it walks the pairs in order without allocating.
    /// </summary>
    public static bool TryReadPair(ref ReadOnlySpan<char> input, out ReadOnlySpan<char> name, out ReadOnlySpan<char> value)
    {
        while (!input.IsEmpty)
        {
            var amp = input.IndexOf('&');
            var pair = amp < 0 ? input : input[..amp];
            input = amp < 0 ? ReadOnlySpan<char>.Empty : input[(amp + 1)..];
            if (pair.IsEmpty) continue;
            var eq = pair.IndexOf('=');
            name = eq < 0 ? pair : pair[..eq];
            value = eq < 0 ? ReadOnlySpan<char>.Empty : pair[(eq + 1)..];
            return true;
        }
        name = value = default;
        return false;
    }

    /// <summary>Decodes one name or value.</summary>
    public static string Decode(ReadOnlySpan<char> raw) => NeedsDecoding(raw) ? Decode(raw, plusIsSpace: true) : new string(raw);

    /// <summary>Percent-decodes <paramref name="raw"/> as UTF-8, leaving <c>+</c> as it is (hosts, paths).</summary>
    public static string PercentDecode(ReadOnlySpan<char> raw) => Decode(raw, plusIsSpace: false);

    private static string Decode(ReadOnlySpan<char> raw, bool plusIsSpace) =>
        AsciiDecodedLength(raw) is var length and >= 0 ? DecodeAscii(raw, length, plusIsSpace) : DecodeUtf8(raw, plusIsSpace);

    // The usual escaped value is ASCII and every escape in it is an ASCII byte: then each byte is a character, and the
    // string can be written directly, without a UTF-8 round trip. -1 when that does not hold.
    private static int AsciiDecodedLength(ReadOnlySpan<char> raw)
    {
        if (!Ascii.IsValid(raw)) return -1;
        var length = raw.Length;
        for (var i = 0; i + 2 < raw.Length; i++)
        {
            if (raw[i] != '%' || !IsHex((byte)raw[i + 1]) || !IsHex((byte)raw[i + 2])) continue;
            if (HexValue((byte)raw[i + 1]) >= 8) return -1;
            length -= 2;
            i += 2;
        }
        return length;
    }

    private static string DecodeAscii(ReadOnlySpan<char> raw, int length, bool plusIsSpace)
    {
        Span<char> chars = length <= 512 ? stackalloc char[length] : new char[length];
        var written = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '+' && plusIsSpace) c = ' ';
            else if (c == '%' && i + 2 < raw.Length && IsHex((byte)raw[i + 1]) && IsHex((byte)raw[i + 2]))
            {
                c = (char)(HexValue((byte)raw[i + 1]) << 4 | HexValue((byte)raw[i + 2]));
                i += 2;
            }
            chars[written++] = c;
        }
        // Exactly as long as AsciiDecodedLength counted: the whole buffer is the string.
        return new string(chars);
    }

    private static string DecodeUtf8(ReadOnlySpan<char> raw, bool plusIsSpace)
    {
        var max = Encoding.UTF8.GetMaxByteCount(raw.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(raw, rented));
            var written = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b == (byte)'+' && plusIsSpace) b = (byte)' ';
                else if (b == (byte)'%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
                {
                    b = (byte)(HexValue(bytes[i + 1]) << 4 | HexValue(bytes[i + 2]));
                    i += 2;
                }
                bytes[written++] = b;
            }
            return Encoding.UTF8.GetString(bytes[..written]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// True when <paramref name="raw"/> holds an escape, a <c>+</c> or a lone surrogate (which becomes U+FFFD through
    /// UTF-8, as in JavaScript's URL parser); otherwise it decodes to itself.
    /// </summary>
    public static bool NeedsDecoding(ReadOnlySpan<char> raw) =>
        raw.IndexOfAny('%', '+') >= 0 || raw.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}

using System.Text.Unicode;

namespace Wix.Auth.Core.Urls;

/// <summary>
/// Step 4 of <c>spec/return-urls.md</c>: the safe form percent-decoded up to three times in a row, since something
/// along the way may decode it again; every decoded form must be UTF-8 without a backslash or a control character, and
/// a local path's must not start with <c>//</c> (nor with <c>/\</c>, refused already for its backslash).
/// </summary>
internal static class DecodedForms
{
    private const int MaxDecodings = 3;

    /// <summary>True when every decoded form of <paramref name="safe"/> (printable ASCII, at most <see cref="ReturnUrl.MaxLength"/>) passes.</summary>
    public static bool AreSafe(string safe)
    {
        Span<byte> bytes = stackalloc byte[ReturnUrl.MaxLength];
        var length = System.Text.Encoding.ASCII.GetBytes(safe, bytes);
        var local = safe[0] == '/';
        for (var i = 0; i < MaxDecodings; i++)
        {
            var decoded = Decode(bytes[..length]);
            if (decoded == length) return true;   // nothing to decode: no further form
            length = decoded;
            var form = bytes[..length];
            if (!Utf8.IsValid(form) || HasRefusedCharacter(form) || (local && form is [(byte)'/', (byte)'/', ..])) return false;
        }
        return true;
    }

    // Each "%XX" (two hex digits, either case) becomes its byte, in place; anything else stays. The new length.
    private static int Decode(Span<byte> bytes)
    {
        var written = 0;
        for (var read = 0; read < bytes.Length; read++, written++)
        {
            if (bytes[read] == '%' && read + 2 < bytes.Length && IsHex(bytes[read + 1]) && IsHex(bytes[read + 2]))
            {
                bytes[written] = (byte)(HexValue(bytes[read + 1]) * 16 + HexValue(bytes[read + 2]));
                read += 2;
            }
            else bytes[written] = bytes[read];
        }
        return written;
    }

    // In valid UTF-8: a backslash, a C0 control or DEL (one byte each), a C1 control (C2 80 to C2 9F).
    private static bool HasRefusedCharacter(ReadOnlySpan<byte> form)
    {
        for (var i = 0; i < form.Length; i++)
            if (form[i] is < 0x20 or 0x7F or (byte)'\\' || (form[i] == 0xC2 && form[i + 1] < 0xA0)) return true;
        return false;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}

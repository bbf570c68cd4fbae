using System.Text;

namespace Wix.Auth.Tests.Properties.Parsing;

/// <summary>
/// The WHATWG application/x-www-form-urlencoded parser written out step by step from the standard, as plainly as
/// possible and sharing no code with the library: the oracle the parser is checked against.
/// </summary>
internal static class ReferenceDecoder
{
    public static List<(string Name, string Value)> Parse(string input)
    {
        var pairs = new List<(string, string)>();
        foreach (var sequence in input.Split('&'))
        {
            if (sequence.Length == 0) continue;
            var eq = sequence.IndexOf('=');
            var name = eq < 0 ? sequence : sequence[..eq];
            var value = eq < 0 ? "" : sequence[(eq + 1)..];
            pairs.Add((PercentDecode(name.Replace('+', ' ')), PercentDecode(value.Replace('+', ' '))));
        }
        return pairs;
    }

    private static string PercentDecode(string text)
    {
        var input = Encoding.UTF8.GetBytes(text);
        var output = new List<byte>();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == '%' && i + 2 < input.Length && IsHex(input[i + 1]) && IsHex(input[i + 2]))
            {
                output.Add(Convert.ToByte(Encoding.ASCII.GetString(input, i + 1, 2), 16));
                i += 2;
            }
            else output.Add(input[i]);
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static bool IsHex(byte b) => Uri.IsHexDigit((char)b);
}

using Wix.Auth.Core.Parsing;

namespace Wix.Auth.Tests.Properties.Parsing;

/// <summary>Host processing's algebra: Punycode round-trips, and ToASCII is idempotent on its own output.</summary>
public sealed class Uts46Properties
{
    private static readonly Gen<string> Piece = Gen.Elements(
        "a", "Z", "1", "-", ".", "_", "\u00ad", "\u00df", "\u03c2", "\u00fc", "\u05d0", "\u0627", "\u0628", "\u0661", "\u094d", "\u0915",
        "\u200c", "\u200d", "\u0301", "\uff21", "\u3002", "xn--", "\ud83d\udca9", "\u4e2d", "\U000323B0");

    private static readonly Gen<string> Domain = from n in Gen.Choose(1, 8) from pieces in Piece.ArrayOf(n) select string.Concat(pieces);

    // Any UTF-16 text (lone surrogates, noncharacters, unassigned code points) gets an answer and never an exception.
    private static readonly Gen<string> AnyText =
        from n in Gen.Choose(0, 12)
        from units in Gen.OneOf(Gen.Choose(0, 0xFFFF), Gen.Elements(0xD800, 0xDFFF, 0xFFFF, 0xFFFE, 0xFDD0, 0x0378, 0x00AD, 0x002E)).ArrayOf(n)
        select new string([.. units.Select(u => (char)u)]);

    [Property(MaxTest = 5000)]
    public Property ToAscii_answers_any_text() =>
        Prop.ForAll(AnyText.ToArbitrary(), text => Uts46.ToAscii(text) is null or { Length: > 0 });

    [Property(MaxTest = 3000)]
    public Property Punycode_decodes_what_it_encodes() =>
        Prop.ForAll(Domain.ToArbitrary(), label => Punycode.Decode(Punycode.Encode(label)!) == label);

    [Property(MaxTest = 3000)]
    public Property ToAscii_of_its_own_result_is_that_result() =>
        Prop.ForAll(Domain.ToArbitrary(), domain => Uts46.ToAscii(domain) is not { } ascii || Uts46.ToAscii(ascii) == ascii);
}

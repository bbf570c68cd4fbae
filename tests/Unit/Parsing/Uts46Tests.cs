using Wix.Auth.Core.Parsing;

namespace Wix.Auth.Tests.Unit.Parsing;

/// <summary>UTS 46 ToASCII's results (not only its verdicts, which parse.json pins) and the table's look-ups.</summary>
public sealed class Uts46Tests
{
    [Theory]
    [InlineData("\u00ad.com", ".com")]
    [InlineData("sh\u00adop.EXAMPLE", "shop.example")]
    [InlineData("\uff33\uff28\uff2f\uff30\u3002example", "shop.example")]
    [InlineData("B\u00fccher.example", "xn--bcher-kva.example")]
    [InlineData("XN--BCHER-KVA.example", "xn--bcher-kva.example")]
    [InlineData("stra\u00dfe.de", "xn--strae-oqa.de")]
    [InlineData("\u2474.com", "(1).com")]
    [InlineData("a..b", "a..b")]
    [InlineData("\u05d0\u05d1.example", "xn--4dbc.example")]
    [InlineData("\u0915\u094d\u200c\u0937", "xn--11b2ezcs70k")]
    public void Maps_and_encodes(string domain, string ascii) => Assert.Equal(ascii, Uts46.ToAscii(domain));

    [Theory]
    [InlineData("\u00ad")]
    [InlineData("\u00ad\u200b")]
    [InlineData("xn--abc-")]
    [InlineData("a\u200db")]
    [InlineData("1.\u05d0")]
    public void Refuses(string domain) => Assert.Null(Uts46.ToAscii(domain));

    [Fact]
    public void The_table_answers_for_the_first_and_last_code_points_and_a_few_between()
    {
        Assert.Equal(Uts46Status.Valid, Uts46Table.Status(0, out _));
        Assert.Equal(Uts46Status.Disallowed, Uts46Table.Status(0x10FFFF, out _));
        Assert.Equal(Uts46Status.Mapped, Uts46Table.Status('A', out var a));
        Assert.Equal("a", a.ToString());
        Assert.Equal(Uts46Status.Ignored, Uts46Table.Status(0xAD, out _));
        Assert.Equal(Uts46Status.Deviation, Uts46Table.Status(0xDF, out _));
        Assert.Equal(BidiGroup.R, Uts46Table.Bidi(0x5D0));
        Assert.Equal(BidiGroup.AN, Uts46Table.Bidi(0x661));
        Assert.Equal(JoiningType.D, Uts46Table.Joining(0x628));
        Assert.True(Uts46Table.IsVirama(0x94D));
        Assert.True(Uts46Table.IsMark(0x301));
        Assert.False(Uts46Table.IsMark('a'));
    }
}

using Wix.Auth.Core.Parsing;

namespace Wix.Auth.Tests.Unit.Parsing;

/// <summary>Punycode (RFC 3492) as host processing uses it: the RFC's own samples, and what fails to decode.</summary>
public sealed class PunycodeTests
{
    // RFC 3492 §7.1 samples (lower-cased: the core sees labels after mapping) and IDNA examples.
    [Theory]
    [InlineData("\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F", "egbpdaj6bu4bxfgehfvwxn")]
    [InlineData("\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye")]
    [InlineData("3\u5e74b\u7d44\u91d1\u516b\u5148\u751f", "3b-ww4c5e180e575a65lsy2b")]
    [InlineData("b\u00fccher", "bcher-kva")]
    [InlineData("\ud83d\udca9", "ls8h")]
    [InlineData("\u00fc", "tda")]
    public void Encodes_and_decodes_the_samples(string label, string punycode)
    {
        Assert.Equal(punycode, Punycode.Encode(label));
        Assert.Equal(label, Punycode.Decode(punycode));
    }

    [Theory]
    [InlineData("-abc")]      // a delimiter first is read as a digit
    [InlineData("b")]         // the number is cut short
    [InlineData("99999999")]  // overflow
    [InlineData("en32g")]     // U+110000
    [InlineData("ib9b")]      // U+D800, a surrogate
    [InlineData("a_b")]       // no digit
    [InlineData("abc-d_")]
    public void Refuses_what_encodes_no_label(string input) => Assert.Null(Punycode.Decode(input));

    [Theory]
    [InlineData("", "")]
    [InlineData("abc-", "abc")]
    [InlineData("dn32g", "\U0010FFFF")]
    [InlineData("a", "\u0080")]
    public void Decodes_edges(string input, string label) => Assert.Equal(label, Punycode.Decode(input));

    [Fact]
    public void Encoding_fails_past_two_to_the_31()
    {
        // 10,801 basic code points, then one code point of plane 3: the first delta is (0x323B0 − 128) × 10,802.
        var label = string.Concat(Enumerable.Repeat("(20)", 2700)) + "a" + "\U000323B0";
        Assert.Null(Punycode.Encode(label));
        Assert.NotNull(Punycode.Encode(string.Concat(Enumerable.Repeat("(20)", 2000)) + "\U000323B0"));
        // 8,226 basic code points before U+3FC24: the first delta is 2^31 − 1 − 6,291, and counting them passes the bound.
        Assert.Null(Punycode.Encode(string.Concat(Enumerable.Repeat("(20)", 2056)) + "aa\U0003FC24"));
        Assert.NotNull(Punycode.Encode(string.Concat(Enumerable.Repeat("(20)", 2056)) + "a\U0003FC24"));
    }
}

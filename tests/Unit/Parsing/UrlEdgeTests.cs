using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Tests.Unit.Parsing;

/// <summary>
/// The corners of the URL parser where <c>new URL()</c> draws a line: each case sits on one side of it, and its
/// neighbour on the other side is beside it, so that moving the line either way fails a case.
/// </summary>
public sealed class UrlEdgeTests
{
    private const string Callback = "#code=C&state=S";

    private static string Code(Either<AuthError, CallbackParams> result) =>
        result.Match(p => p is CallbackParams.Granted g ? "granted:" + g.Code.Reveal() : "denied", e => e.Code);

    private static string Parse(string url, ResponseMode mode = ResponseMode.Fragment) => Code(CallbackParser.ParseFromUrl(url, mode));

    [Theory]
    [InlineData("http://127.0.0.1:3000/cb", "granted:C")]          // a dotted quad, the loopback redirect of native apps
    [InlineData("http://127.0.0.1./cb", "granted:C")]              // one trailing dot is allowed
    [InlineData("http://255.255.255.255/cb", "granted:C")]         // every part at its largest
    [InlineData("http://256.1.1.1/cb", "invalid_url")]             // a part over 255
    [InlineData("http://1.1.1.256/cb", "invalid_url")]             // the last part of four over 255
    [InlineData("http://1.1.65535/cb", "granted:C")]               // three parts: the last fills 16 bits
    [InlineData("http://1.1.65536/cb", "invalid_url")]
    [InlineData("http://1.16777215/cb", "granted:C")]              // two parts: the last fills 24 bits
    [InlineData("http://1.16777216/cb", "invalid_url")]
    [InlineData("http://4294967295/cb", "granted:C")]              // one part: 32 bits
    [InlineData("http://4294967296/cb", "invalid_url")]
    [InlineData("http://1.2.3.4.5/cb", "invalid_url")]             // five parts
    [InlineData("http://0300.0250.0.1/cb", "granted:C")]           // octal parts (192.168.0.1)
    [InlineData("http://0400.1.1.1/cb", "invalid_url")]            // an octal part over 255
    [InlineData("http://08.1.1.1/cb", "invalid_url")]              // 8 is not an octal digit
    [InlineData("http://0.0.0.0/cb", "granted:C")]                 // a lone 0 is decimal zero
    [InlineData("http://0xff.0XFF.0xfF.0/cb", "granted:C")]        // hex parts, either case of x and of the digits
    [InlineData("http://0x100.1.1.1/cb", "invalid_url")]
    [InlineData("http://0x.1.1.1/cb", "granted:C")]                // 0x with no digits is zero
    [InlineData("http://0xg.1/cb", "invalid_url")]                 // not a hex digit
    [InlineData("http://1.2.3.09/cb", "invalid_url")]
    [InlineData("http://a.09/cb", "invalid_url")]                  // ends in something the IPv4 parser must read, and cannot
    [InlineData("http://a.9a/cb", "granted:C")]                    // ends in a label that is no number: a domain
    [InlineData("http://a.0x/cb", "invalid_url")]                  // ends in a number (0x), so it must be an address
    [InlineData("http://1..1/cb", "invalid_url")]                  // an empty part
    [InlineData("http://example.com./cb", "granted:C")]
    public void Ipv4_hosts_follow_the_whatwg_ipv4_parser(string url, string expected) => Assert.Equal(expected, Parse(url + Callback));

    [Theory]
    [InlineData("http://[::1]/cb", "granted:C")]
    [InlineData("http://[::1]:8080/cb", "granted:C")]
    [InlineData("http://[2001:db8::1]:65535/cb", "granted:C")]
    [InlineData("http://[::ffff:127.0.0.1]/cb", "granted:C")]
    [InlineData("http://[fe80::1%25eth0]/cb", "invalid_url")]      // a zone: the URL standard has none
    [InlineData("http://[fe80::1%eth0]/cb", "invalid_url")]
    [InlineData("http://[127.0.0.1]/cb", "invalid_url")]           // brackets hold IPv6 only
    [InlineData("http://[::1/cb", "invalid_url")]
    [InlineData("http://[::1]x/cb", "invalid_url")]                // after the bracket only a port may follow
    [InlineData("http://[::1]:99999/cb", "invalid_url")]
    [InlineData("http://[]/cb", "invalid_url")]
    [InlineData("http://[1:2:3]/cb", "invalid_url")]
    public void Ipv6_hosts_are_bracketed_with_no_zone(string url, string expected) => Assert.Equal(expected, Parse(url + Callback));

    [Theory]
    [InlineData("http://a.example:65535/cb", "granted:C")]
    [InlineData("http://a.example:65536/cb", "invalid_url")]
    [InlineData("http://a.example:0/cb", "granted:C")]
    [InlineData("http://a.example:/cb", "granted:C")]              // an empty port is no port
    [InlineData("http://a.example:8a/cb", "invalid_url")]
    [InlineData("http://a.example:-1/cb", "invalid_url")]
    [InlineData("http://a.example:+80/cb", "invalid_url")]
    [InlineData("http://a.example:00000000080/cb", "granted:C")]   // leading zeros are allowed
    public void Ports_are_decimal_up_to_65535(string url, string expected) => Assert.Equal(expected, Parse(url + Callback));

    [Theory]
    [InlineData("com.example.app:/cb", "granted:C")]               // a native app's private-use scheme (RFC 8252 §7.1)
    [InlineData("a:/cb", "granted:C")]                             // one letter is a scheme
    [InlineData("a:", "granted:C")]                                // and anything may follow a non-special scheme
    [InlineData("a+b-c.d:x", "granted:C")]
    [InlineData("a_b:/cb", "invalid_url")]
    [InlineData("1a:/cb", "invalid_url")]                          // a scheme starts with a letter
    [InlineData(":/cb", "invalid_url")]                            // and is not empty
    [InlineData("HTTP://a.example/cb", "granted:C")]               // special schemes in any case need a host
    [InlineData("Https://", "invalid_url")]
    [InlineData("wss://a.example/cb", "granted:C")]
    [InlineData("ws://", "invalid_url")]
    [InlineData("wss://", "invalid_url")]
    [InlineData("https://", "invalid_url")]
    [InlineData("http://", "invalid_url")]
    [InlineData("ftp://", "invalid_url")]
    [InlineData("file:///tmp/cb", "granted:C")]                    // file is special in the standard, but needs no host
    public void Schemes_are_a_letter_then_letters_digits_plus_minus_dot(string url, string expected) => Assert.Equal(expected, Parse(url + Callback));

    [Theory]
    [InlineData("https://a.example/cb", ResponseMode.Fragment)]
    [InlineData("https://a.example/cb", ResponseMode.Query)]
    [InlineData("https://a.example", ResponseMode.Fragment)]               // a host with nothing after it
    [InlineData(" https://a.example/cb", ResponseMode.Fragment)]           // a leading space alone
    [InlineData("https://a.example/cb?code=C&state=S", ResponseMode.Fragment)]
    [InlineData("https://a.example/cb#code=C&state=S", ResponseMode.Query)]
    [InlineData("https://a.example/cb&code=C&state=S", ResponseMode.Query)]   // pairs in the path are no query
    [InlineData("file://host", ResponseMode.Query)]                           // a host with nothing after it, in each kind of scheme
    [InlineData("com.example.app://host", ResponseMode.Query)]
    [InlineData("myapp://[::1]", ResponseMode.Fragment)]
    [InlineData("file:", ResponseMode.Query)]                                 // file: with no path at all,
    [InlineData("file:/", ResponseMode.Query)]                                // or one slash
    public void A_url_without_the_component_of_its_mode_has_no_code(string url, ResponseMode mode) =>
        Assert.Equal(new AuthError.MissingParameter("code"), CallbackParser.ParseFromUrl(url, mode).Match(_ => null!, e => e));

    [Theory]
    [InlineData("code=%c3%a9&state=S", "é")]                       // lower-case escapes
    [InlineData("code=%e2%82%ac&state=S", "€")]
    [InlineData("code=%7f&state=S", "\u007f")]                     // the last one-byte escape
    [InlineData("code=%80&state=S", "\uFFFD")]                     // the first byte that is no character alone
    [InlineData("code=a%80b&state=S", "a\uFFFDb")]
    [InlineData("code=%C3&state=S", "\uFFFD")]                     // a cut-off sequence
    [InlineData("code=%2&state=S", "%2")]                          // an escape cut by the end of the value
    [InlineData("code=ab%4&state=S", "ab%4")]
    [InlineData("code=%4g&state=S", "%4g")]                        // not a hex digit
    [InlineData("code=%g4&state=S", "%g4")]
    [InlineData("code=%:0&state=S", "%:0")]                        // ':' follows '9', '@' precedes 'A', '`' precedes 'a'
    [InlineData("code=%@0&state=S", "%@0")]
    [InlineData("code=%`0&state=S", "%`0")]
    [InlineData("code=%0/&state=S", "%0/")]                        // '/' precedes '0'
    [InlineData("code=%4G&state=S", "%4G")]
    [InlineData("code=%41%42&state=S", "AB")]
    [InlineData("code=%2B%20+&state=S", "+  ")]
    [InlineData("code=é%41&state=S", "éA")]                        // non-ASCII around an ASCII escape
    [InlineData("code=é+&state=S", "é ")]
    public void Escapes_are_decoded_as_url_search_params_does(string fragment, string code) =>
        Assert.Equal("granted:" + code, Parse("https://a.example/cb#" + fragment));

    [Fact]
    public void A_long_value_of_escapes_decodes_past_the_stack_buffer()
    {
        var code = new string('a', 600);
        Assert.Equal("granted:" + code + "A", Parse($"https://a.example/cb#code={code}%41&state=S"));
        Assert.Equal("granted:" + new string('é', 300), Parse($"https://a.example/cb#code={string.Concat(Enumerable.Repeat("%C3%A9", 300))}&state=S"));
    }

    [Theory]
    [InlineData("code=C&&state=S")]
    [InlineData("&code=C&state=S&")]
    [InlineData("=&code=C&=x&state=S")]                            // pairs with an empty name are pairs, and ignored
    [InlineData("code=C&state=S&=")]
    public void Empty_pairs_are_skipped(string fragment) => Assert.Equal("granted:C", Parse("https://a.example/cb#" + fragment));

    [Theory]
    [InlineData("code=A&state=S&code=B&state=T", "code")]          // two duplicated: the first to appear a second time is named
    [InlineData("state=S&code=A&state=T&code=B", "state")]
    [InlineData("code=A&state=S&state=T&code=B", "state")]
    [InlineData("iss=a&error=x&error=y&iss=b", "error")]
    [InlineData("code=A&code=B&code=C&state=S", "code")]
    public void Of_several_duplicates_the_first_repeated_is_reported(string fragment, string name) =>
        Assert.Equal(new AuthError.DuplicateParameter(name), CallbackParser.ParseFromUrl("https://a.example/cb#" + fragment).Match(_ => null!, e => e));

    [Theory]
    [InlineData("error=&code=C&state=S", "granted:C")]             // an empty error counts as absent
    [InlineData("error&code=C&state=S", "granted:C")]
    [InlineData("error=x", "denied")]
    public void An_empty_error_is_no_error(string fragment, string expected) => Assert.Equal(expected, Parse("https://a.example/cb#" + fragment));

    [Fact]
    public void An_error_response_keeps_every_field()
    {
        var denied = Assert.IsType<CallbackParams.Denied>(CallbackParser.ParseFromUrl("https://a.example/cb#error=e&error_description=d&state=S&iss=I").Case);
        Assert.Equal(("e", "d", "S", "I"), (denied.Error, denied.ErrorDescription, denied.State, denied.Issuer));
    }

    [Theory]
    [InlineData("https://a.example/cb#code=C&state=S")]
    [InlineData("https://a.example/cb?code=C&state=S")]
    public void The_default_response_mode_is_the_fragment(string url) =>
        Assert.Equal(Parse(url, ResponseMode.Fragment), Code(CallbackParser.ParseFromUrl(url)));

    [Theory]
    [InlineData("\u0000https://a.example/cb#code=C&state=S")]      // C0 controls and spaces at either end are trimmed
    [InlineData("\u001fhttps://a.example/cb#code=C&state=S ")]
    [InlineData("https://a.example/cb#code=C&state=S\u001f")]
    [InlineData("https://a.exa\tmple/cb#code=C&state=S")]          // tabs and newlines anywhere are removed, even in the host
    [InlineData("ht\rtps://a.example/cb#code=C&state=S")]
    public void Ignorable_characters_are_removed_before_parsing(string url) =>
        Assert.Equal(("C", "S"), Assert.IsType<CallbackParams.Granted>(CallbackParser.ParseFromUrl(url).Case) is var g ? (g.Code.Reveal(), g.State) : default);

    [Theory]
    [InlineData("https://a.example#code=C&state=S", ResponseMode.Fragment)]      // the host ends at '#' or '?' too
    [InlineData("https://a.example?code=C&state=S", ResponseMode.Query)]
    [InlineData("https://a.example/cb#code=C&state=S ", ResponseMode.Fragment)]  // a trailing space is trimmed off the state
    [InlineData("https://a.example/cb?code=C&state=S ", ResponseMode.Query)]
    public void The_host_and_the_last_value_end_where_the_url_parser_ends_them(string url, ResponseMode mode) =>
        Assert.Equal("S", Assert.IsType<CallbackParams.Granted>(CallbackParser.ParseFromUrl(url, mode).Case).State);

    [Fact]
    public void Pairs_are_read_in_order_with_empty_ones_skipped()
    {
        ReadOnlySpan<char> input = "&a=1&&b&=c&";
        var pairs = new List<string>();
        while (FormUrlEncoded.TryReadPair(ref input, out var name, out var value)) pairs.Add($"{name.ToString()}|{value.ToString()}");
        Assert.Equal(["a|1", "b|", "|c"], pairs);
    }

    [Theory]
    [InlineData("a+b%2B", "a b+", "a+b+")]
    [InlineData("%C3%A9+", "é ", "é+")]
    [InlineData("plain", "plain", "plain")]
    public void A_plus_is_a_space_in_form_values_but_not_in_hosts(string raw, string formDecoded, string percentDecoded) =>
        Assert.Equal((formDecoded, percentDecoded), (FormUrlEncoded.Decode(raw), FormUrlEncoded.PercentDecode(raw)));

    [Theory]
    [InlineData("abc", false)]
    [InlineData("a%b", true)]
    [InlineData("a+b", true)]
    [InlineData("a\ue000b", false)]
    [InlineData("a\ud7ffb", false)]
    public void Only_escapes_pluses_and_lone_surrogates_need_decoding(string raw, bool needs) => Assert.Equal(needs, FormUrlEncoded.NeedsDecoding(raw));

    // Lone surrogates do not survive theory data, so they are built here.
    [Fact]
    public void Surrogates_need_decoding_into_a_replacement_character()
    {
        Assert.True(FormUrlEncoded.NeedsDecoding("a" + '\uD800' + "b"));
        Assert.True(FormUrlEncoded.NeedsDecoding("a" + '\uDFFF' + "b"));
        Assert.Equal("a\uFFFDb", FormUrlEncoded.Decode("a" + '\uDFFF' + "b"));
        // First in the value too: where the search starts is no reason to keep one.
        Assert.True(FormUrlEncoded.NeedsDecoding('\uD800' + "b"));
        Assert.Equal("\uFFFDb", FormUrlEncoded.Decode('\uDC00' + "b"));
    }

    [Theory]
    [InlineData("https://a.example/cb#code=C&state=S\u007f")]      // DEL is not a C0 control: it stays in the state
    [InlineData("https://a.example/cb#code=C&state=S\u00a0")]      // nor is a no-break space
    public void Other_characters_at_the_end_stay(string url) =>
        Assert.NotEqual("S", Assert.IsType<CallbackParams.Granted>(CallbackParser.ParseFromUrl(url).Case).State);

    [Theory]
    [InlineData("https://bücher.example/cb", "granted:C")]         // IDNA maps non-ASCII labels
    [InlineData("https://xn--bcher-kva.example/cb", "granted:C")]  // a valid punycode label
    [InlineData("https://XN--BCHER-KVA.example/cb", "granted:C")]
    [InlineData("https://xn--a.example/cb", "invalid_url")]        // and an invalid one
    [InlineData("https://EXAMPLE.com/cb", "granted:C")]            // upper case is mapped, not refused
    [InlineData("https://ex%41mple.com/cb", "granted:C")]          // escapes in the host are decoded first
    [InlineData("https://ex%zzample.com/cb", "invalid_url")]       // and a '%' that stays is forbidden
    [InlineData("https://a%2Fb.example/cb", "invalid_url")]        // a decoded '/' is forbidden
    [InlineData("https://a%00b.example/cb", "invalid_url")]
    [InlineData("https://a<b.example/cb", "invalid_url")]
    [InlineData("https://a^b.example/cb", "invalid_url")]
    [InlineData("https://a|b.example/cb", "invalid_url")]
    [InlineData("https://x_y.example/cb", "granted:C")]            // '_' is allowed (UTS 46 without STD3 rules)
    [InlineData("https://a..b/cb", "granted:C")]                   // empty labels are allowed
    [InlineData("https://EXAMPLE.1/cb", "invalid_url")]            // a mapped domain that ends in a number
    [InlineData("https://bücher.1/cb", "invalid_url")]
    [InlineData("https://bücher.0x7f/cb", "invalid_url")]
    [InlineData("https://1.2.3.bücher/cb", "granted:C")]
    [InlineData("https://user@a.example/cb", "granted:C")]
    [InlineData("https://a@b@a.example/cb", "granted:C")]          // the host follows the last '@'
    [InlineData("https://a.example\\cb", "granted:C")]             // a backslash ends the host in special URLs
    [InlineData("https:\\\\a.example/cb", "granted:C")]
    [InlineData("https:a.example/cb", "granted:C")]                // slashes after a special scheme are optional
    [InlineData("https://a+b%41.example/cb", "granted:C")]         // '+' in a host is no space: decoding a host leaves it
    [InlineData("https://a.b%2E1/cb", "invalid_url")]              // decoded, it ends in a number
    [InlineData("http://a../cb", "granted:C")]                     // the last label is empty: no number
    [InlineData("https://XN--A.example/cb", "invalid_url")]        // punycode is recognised in any case
    [InlineData("https://a.xn--a/cb", "invalid_url")]              // in any label
    [InlineData("https://xn--/cb", "invalid_url")]
    [InlineData("https://xn--ab.example/cb", "invalid_url")]
    [InlineData("https://xn--0.example/cb", "invalid_url")]
    [InlineData("https://xn--a-ecp.example/cb", "invalid_url")]
    [InlineData("https://xn--bcher-kva.xn--a.example/cb", "invalid_url")]
    [InlineData("https://xn--abc-/cb", "invalid_url")]             // decodes to ASCII: an error since UTS 46 for Unicode 15.1 (Node 20 still accepts it)
    [InlineData("https://xn--ls8h.example/cb", "granted:C")]
    [InlineData("https://xn--zca.example/cb", "granted:C")]
    [InlineData("https://bü_cher.example/cb", "granted:C")]       // STD3 rules are off: '_' passes IDNA too
    [InlineData("https://bücher..example/cb", "granted:C")]        // an empty label beside a non-ASCII one
    [InlineData("https://a\u0378b.example/cb", "invalid_url")]    // an unassigned code point is disallowed by UTS 46
    [InlineData("https://^ab.example/cb", "invalid_url")]          // a forbidden code point first
    [InlineData("https://%41.example/cb", "granted:C")]            // an escape first
    [InlineData("https://@a.example/cb", "granted:C")]             // empty user information
    [InlineData("http://a.0x-/cb", "granted:C")]                   // not a number: '-' is no digit in any base
    public void Domains_go_through_uts46_and_the_forbidden_code_points(string url, string expected) => Assert.Equal(expected, Parse(url + Callback));
}

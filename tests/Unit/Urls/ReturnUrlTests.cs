using Wix.Auth.Core.Urls;

namespace Wix.Auth.Tests.Unit.Urls;

/// <summary>The one return-URL policy: what it accepts, in which Location-safe form, and what it refuses.</summary>
public sealed class ReturnUrlTests
{
    private const string Redirect = "https://shop.example/auth/callback";
    private static readonly Seq<string> Allowed = Seq1("https://partner.example");

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/cart?item=1#top", "/cart?item=1#top")]
    [InlineData("/caf\u00e9?q=a b", "/caf%C3%A9?q=a%20b")]
    [InlineData("/\ud83d\ude00", "/%F0%9F%98%80")]
    [InlineData("https://shop.example/cart", "https://shop.example/cart")]
    [InlineData("HTTPS://SHOP.EXAMPLE/cart", "HTTPS://SHOP.EXAMPLE/cart")]
    [InlineData("https://shop.example:443/x", "https://shop.example:443/x")]
    [InlineData("https://partner.example/welcome", "https://partner.example/welcome")]
    [InlineData("https://partner.example/a%20b", "https://partner.example/a%20b")]
    public void Local_paths_the_sites_origin_and_allowed_origins_are_accepted_in_a_location_safe_form(string url, string expected) =>
        Assert.Equal(expected, ReturnUrl.Check(url, Redirect, Allowed).IfLeft(e => e.Code));

    [Theory]
    [InlineData("", "invalid_return_url")]
    [InlineData("//evil.example", "invalid_return_url")]
    [InlineData("/\\evil.example", "invalid_return_url")]
    [InlineData("/%2F%2Fevil.example", "invalid_return_url")]
    [InlineData("/%252F%252Fevil.example", "invalid_return_url")]
    [InlineData("/%5Cevil.example", "invalid_return_url")]
    [InlineData("/a%0Ab", "invalid_return_url")]
    [InlineData("/a\tb", "invalid_return_url")]
    [InlineData("/a\u0085b", "invalid_return_url")]
    [InlineData("https://shop.example\\@evil.example", "invalid_return_url")]
    [InlineData("https://user@shop.example/", "invalid_return_url")]
    [InlineData("javascript:alert(1)", "invalid_return_url")]
    [InlineData("https:evil.example", "invalid_return_url")]
    [InlineData("relative/path", "invalid_return_url")]
    [InlineData("ftp://shop.example/", "invalid_return_url")]
    [InlineData("https://evil.example/", "disallowed_origin")]
    [InlineData("http://shop.example/", "disallowed_origin")]
    [InlineData("https://shop.example:8443/", "disallowed_origin")]
    [InlineData("https://shop.example.evil.example/", "disallowed_origin")]
    [InlineData("https://sh\u00f6p.example/", "invalid_return_url")]
    public void Everything_else_is_refused(string url, string code) =>
        Assert.Equal(code, ReturnUrl.Check(url, Redirect, Allowed).Match(_ => "accepted", e => e.Code));

    [Fact]
    public void A_lone_surrogate_is_refused_rather_than_encoded_into_nonsense()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate.
        string[] urls = ["/a" + '\ud800' + "b", "/a" + '\ud800', "/\u00e9" + '\udc00'];   // in the middle; at the very end; after a non-surrogate
        Assert.All(urls, url => Assert.Equal("invalid_return_url", ReturnUrl.Check(url, None, Empty).Match(_ => "accepted", e => e.Code)));
    }

    [Fact]
    public void An_absolute_url_must_write_its_scheme_with_two_slashes() =>
        Assert.Equal("invalid_return_url", ReturnUrl.Check("https:shop.example/cart", Redirect, Empty).Match(_ => "accepted", e => e.Code));

    [Fact]
    public void A_redirect_uri_that_is_not_absolute_has_no_origin() =>
        Assert.Equal("disallowed_origin", ReturnUrl.Check("https://shop.example/x", "auth/callback", Empty).Match(_ => "accepted", e => e.Code));

    [Fact]
    public void Percent_decoding_stops_after_three_rounds()
    {
        // Three rounds reach "//": refused. A fourth encoding stays "/%2F…" after three rounds, a local path: the bound
        // is what the policy promises (something along the way may decode once or twice), not an unbounded loop.
        Assert.True(ReturnUrl.Check("/%25252F%25252Fevil.example", None, Empty).IsLeft);
        Assert.Equal("/%2525252F%2525252Fevil.example", ReturnUrl.Check("/%2525252F%2525252Fevil.example", None, Empty).IfLeft(e => e.Code));
    }

    [Fact]
    public void Without_allowed_origins_only_the_site_itself_is_accepted()
    {
        Assert.True(ReturnUrl.Check("https://shop.example/x", Redirect, Empty).IsRight);
        Assert.Equal("disallowed_origin", ReturnUrl.Check("https://partner.example/x", Redirect, Empty).Match(_ => "", e => e.Code));
        Assert.Equal("disallowed_origin", ReturnUrl.Check("https://shop.example/x", None, Empty).Match(_ => "", e => e.Code));
        Assert.True(ReturnUrl.Check("/x", None, Empty).IsRight);
    }

    [Fact]
    public void Length_is_capped_after_encoding()
    {
        Assert.True(ReturnUrl.Check("/" + new string('a', ReturnUrl.MaxLength - 1), None, Empty).IsRight);
        Assert.True(ReturnUrl.Check("/" + new string('a', ReturnUrl.MaxLength), None, Empty).IsLeft);
        Assert.True(ReturnUrl.Check("/" + new string('\u00e9', 400), None, Empty).IsLeft); // 400 characters, 2,400 once encoded
    }

    [Fact]
    public void A_local_path_is_made_absolute_on_the_redirect_uris_origin()
    {
        Assert.Equal("https://shop.example/bye", ReturnUrl.Absolute("/bye", Redirect).IfLeft(e => e.Code));
        Assert.Equal("https://partner.example/x", ReturnUrl.Absolute("https://partner.example/x", None).IfLeft(e => e.Code));
        Assert.Equal("invalid_return_url", ReturnUrl.Absolute("/bye", None).Match(_ => "", e => e.Code));
    }

    [Theory]
    [InlineData("https://shop.example", true)]
    [InlineData("https://shop.example/", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("https://shop.example/path", false)]
    [InlineData("https://user@shop.example", false)]
    [InlineData("ftp://shop.example", false)]
    [InlineData("/local", false)]
    [InlineData("https://xn--bcher-kva.example", true)]
    [InlineData("https://b\u00fccher.example", false)]
    [InlineData("https://shop.example:443", false)]
    [InlineData("https://shop.example:08443", false)]   // a leading zero: not written as its own origin
    [InlineData("http://127.1", false)]                 // not dotted-decimal: a browser would go to 127.0.0.1
    public void Allowed_origins_must_be_bare_origins(string origin, bool valid) => Assert.Equal(valid, ReturnUrl.IsOrigin(origin));

    [Fact]
    public void A_url_already_in_its_safe_form_is_returned_as_it_is_without_a_copy()
    {
        // The usual return URL is printable ASCII: it is checked where it lies, and the very string comes back.
        const string url = "/cart?item=1";
        Assert.Same(url, ReturnUrl.Check(url, Redirect, Allowed).IfLeft(e => e.Code));
    }

    [Theory]
    [InlineData("/%C0%AF%C0%AFevil.example")]   // an overlong '/', which a lax decoder turns into "//evil.example"
    [InlineData("/%25C0%25AF")]                 // the same, one decoding deeper
    [InlineData("/%E9")]                        // Latin-1, not UTF-8
    public void A_decoded_form_that_is_not_utf8_is_refused(string url) =>
        Assert.Equal("invalid_return_url", ReturnUrl.Check(url, None, Empty).Match(_ => "accepted", e => e.Code));

    [Fact]
    public void Hosts_are_compared_as_written_so_other_spellings_of_an_address_are_refused_or_disallowed()
    {
        Seq<string> loopback = Seq("http://127.0.0.1:3000", "https://[::1]:8443");
        Assert.Equal("invalid_return_url", ReturnUrl.Check("http://127.1:3000/", None, loopback).Match(_ => "accepted", e => e.Code));
        Assert.Equal("disallowed_origin", ReturnUrl.Check("https://[0:0:0:0:0:0:0:1]:8443/", None, loopback).Match(_ => "accepted", e => e.Code));
        Assert.True(ReturnUrl.Check("https://[::1]:8443/", None, loopback).IsRight);
    }
}

using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Tests.Unit.Parsing;

public sealed class ParseFromUrlTests
{
    private static CallbackParams Parsed(string url, ResponseMode mode = ResponseMode.Fragment) =>
        CallbackParser.ParseFromUrl(url, mode).Match(p => p, e => throw new Xunit.Sdk.XunitException($"expected a result, got {e.Code}"));

    private static AuthError Rejected(string? url, ResponseMode mode = ResponseMode.Fragment) =>
        CallbackParser.ParseFromUrl(url, mode).Match(p => throw new Xunit.Sdk.XunitException($"expected an error, got {p}"), e => e);

    private static CallbackParams.Granted Granted(string url, ResponseMode mode = ResponseMode.Fragment) =>
        Assert.IsType<CallbackParams.Granted>(Parsed(url, mode));

    [Fact]
    public void Fragment_success_as_in_the_seed()
    {
        var granted = Granted("http://localhost:3000/callback#code=CODE-1&state=z6gltxLzOp1XHkrl_DxvriEjA6p02FC61RLysp3_3CY");
        Assert.Equal("CODE-1", granted.Code.Reveal());
        Assert.Equal("z6gltxLzOp1XHkrl_DxvriEjA6p02FC61RLysp3_3CY", granted.State);
        Assert.Null(granted.Issuer);
    }

    [Fact]
    public void Query_success()
    {
        var granted = Granted("http://localhost:3000/callback?code=C&state=S", ResponseMode.Query);
        Assert.Equal(("C", "S"), (granted.Code.Reveal(), granted.State));
    }

    [Fact]
    public void Fragment_mode_ignores_the_query_and_query_mode_ignores_the_fragment()
    {
        Assert.Equal("missing_parameter", Rejected("https://a.example/cb?code=C&state=S").Code);
        Assert.Equal("missing_parameter", Rejected("https://a.example/cb#code=C&state=S", ResponseMode.Query).Code);
    }

    [Fact]
    public void A_question_mark_inside_the_fragment_is_part_of_the_fragment()
    {
        Assert.Equal("C", Granted("https://a.example/cb#x=?&code=C&state=S").Code.Reveal());
        Assert.Equal("missing_parameter", Rejected("https://a.example/cb#?code=C&state=S", ResponseMode.Query).Code);
    }

    [Fact]
    public void One_leading_question_mark_of_the_fragment_is_dropped_as_url_search_params_does()
    {
        Assert.Equal("C", Granted("https://a.example/cb#?code=C&state=S").Code.Reveal());
        Assert.Equal("missing_parameter", Rejected("https://a.example/cb#??code=C&state=S").Code);
    }

    [Fact]
    public void Error_response_carries_wix_code_and_description()
    {
        var denied = Assert.IsType<CallbackParams.Denied>(Parsed("https://a.example/cb#error=access_denied&error_description=The+member+cancelled&state=S"));
        Assert.Equal(("access_denied", "The member cancelled", "S"), (denied.Error, denied.ErrorDescription, denied.State));
    }

    [Fact]
    public void Error_without_description_or_state_is_still_an_error_response()
    {
        var denied = Assert.IsType<CallbackParams.Denied>(Parsed("https://a.example/cb?error=login_required", ResponseMode.Query));
        Assert.Equal(("login_required", "", ""), (denied.Error, denied.ErrorDescription, denied.State));
    }

    [Fact]
    public void An_error_wins_over_a_code() =>
        Assert.IsType<CallbackParams.Denied>(Parsed("https://a.example/cb#code=C&state=S&error=server_error"));

    [Fact]
    public void Issuer_is_kept() => Assert.Equal("https://www.wix.com", Granted("https://a.example/cb#code=C&state=S&iss=https%3A%2F%2Fwww.wix.com").Issuer);

    [Theory]
    [InlineData("code=a+b&state=S", "a b")]
    [InlineData("code=a%20b&state=S", "a b")]
    [InlineData("code=a%2Bb&state=S", "a+b")]
    [InlineData("code=100%&state=S", "100%")]
    [InlineData("code=%zz%4&state=S", "%zz%4")]
    [InlineData("code=%E2%82%AC&state=S", "€")]
    [InlineData("code=%FF&state=S", "\uFFFD")]
    [InlineData("code=€&state=S", "€")]
    [InlineData("code=a=b=c&state=S", "a=b=c")]
    [InlineData("%63ode=x&state=S", "x")]
    [InlineData("&&code=x&&state=S&&", "x")]
    public void Decoding_matches_url_search_params(string fragment, string code) =>
        Assert.Equal(code, Granted("https://a.example/cb#" + fragment).Code.Reveal());

    [Fact]
    public void Tabs_and_newlines_are_removed_and_outer_spaces_trimmed_like_the_url_parser()
    {
        var granted = Granted("  https://a.example/cb#co\tde=C\n1&sta\rte=S \u0001");
        Assert.Equal(("C1", "S"), (granted.Code.Reveal(), granted.State));
    }

    [Theory]
    [InlineData("https://a.example/cb#code=A&code=B&state=S", "code")]
    [InlineData("https://a.example/cb#code=A&state=S&state=T", "state")]
    [InlineData("https://a.example/cb#code=A&state=S&%73tate=S", "state")]
    [InlineData("https://a.example/cb#error=x&error=y", "error")]
    [InlineData("https://a.example/cb#error=x&error_description=a&error_description=b", "error_description")]
    [InlineData("https://a.example/cb#code=A&state=S&iss=a&iss=b", "iss")]
    [InlineData("https://a.example/cb#code=&code=B&state=S", "code")]
    public void A_protocol_parameter_present_twice_is_rejected(string url, string name) =>
        Assert.Equal(new AuthError.DuplicateParameter(name), Rejected(url));

    [Fact]
    public void Other_parameters_may_repeat() => Granted("https://a.example/cb#x=1&x=2&code=C&state=S");

    [Theory]
    [InlineData("https://a.example/cb#code=&state=S", "code")]
    [InlineData("https://a.example/cb#code&state=S", "code")]
    [InlineData("https://a.example/cb#state=S", "code")]
    [InlineData("https://a.example/cb#code=C&state=", "state")]
    [InlineData("https://a.example/cb#code=C", "state")]
    [InlineData("https://a.example/cb", "code")]
    [InlineData("https://a.example/cb#", "code")]
    public void Missing_or_empty_code_or_state_is_rejected(string url, string name) =>
        Assert.Equal(new AuthError.MissingParameter(name), Rejected(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url#code=C&state=S")]
    [InlineData("/callback#code=C&state=S")]
    [InlineData("https://#code=C&state=S")]
    [InlineData("http://exa mple.com/#code=C&state=S")]
    [InlineData("http://example.com:99999/#code=C&state=S")]
    [InlineData("1http://a/#code=C&state=S")]
    [InlineData("https://256.256.256.256/cb#code=C&state=S")]
    [InlineData("https://1.2.3.4.5/cb#code=C&state=S")]
    [InlineData("https://a.1/cb#code=C&state=S")]
    [InlineData("https://0x1g.1/cb#code=C&state=S")]
    [InlineData("https://[1:2:3]/cb#code=C&state=S")]
    [InlineData("https://xn--a/cb#code=C&state=S")]
    [InlineData("https://a%2Fb.example/cb#code=C&state=S")]
    public void Not_an_absolute_url_is_rejected(string? url) => Assert.Equal(new AuthError.InvalidUrl(), Rejected(url));

    [Theory]
    [InlineData("myapp:/cb#code=C&state=S")]
    [InlineData("http:example.com#code=C&state=S")]
    [InlineData("http:///example.com/#code=C&state=S")]
    [InlineData("http://[::1]:8080/cb#code=C&state=S")]
    [InlineData("http://user:pw@host/cb#code=C&state=S")]
    [InlineData("http://0x7f.1/cb#code=C&state=S")]
    [InlineData("http://4294967295/cb#code=C&state=S")]
    [InlineData("https://bücher.example/cb#code=C&state=S")]
    [InlineData("https://ex%61mple.com/cb#code=C&state=S")]
    [InlineData("https://a..b/cb#code=C&state=S")]
    public void Urls_the_whatwg_parser_accepts_are_accepted(string url) => Granted(url);

    [Fact]
    public void Url_at_the_limit_is_read_and_one_past_it_is_rejected()
    {
        var prefix = "https://a.example/cb#code=C&state=S&pad=";
        var atLimit = prefix + new string('x', CallbackParser.MaxUrlLength - prefix.Length);
        Granted(atLimit);
        Assert.Equal(new AuthError.UrlTooLong(CallbackParser.MaxUrlLength), Rejected(atLimit + "x"));
    }

    [Fact]
    public void Web_message_responses_are_not_in_urls() =>
        Assert.Equal(new AuthError.InvalidSettings("web_message responses arrive by postMessage, not in a URL."), Rejected("https://a.example/cb#code=C&state=S", ResponseMode.WebMessage));

    [Fact]
    public void Printing_a_parsed_callback_masks_the_code() =>
        Assert.DoesNotContain("SECRETCODE", Parsed("https://a.example/cb#code=SECRETCODE&state=S").ToString());
}

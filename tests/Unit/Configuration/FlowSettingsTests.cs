using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;

namespace Wix.Auth.Tests.Unit.Configuration;

public sealed class FlowSettingsTests
{
    private static string[] Problems(FlowSettings settings) =>
        settings.Validate().Match(_ => [], errors => errors.Map(e => $"{e.Code}: {e.Message}").ToArray());

    [Fact]
    public void The_defaults_are_valid_and_documented()
    {
        var settings = new FlowSettings("client");
        Assert.Empty(Problems(settings));
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60)), (settings.PendingLoginTtl, settings.RefreshMargin));
        Assert.True(settings.AllowedOrigins.IsEmpty);
        Assert.True(settings.ExpectedIssuer.IsNone);
        Assert.Equal(settings, settings.Validate().Match(s => s, _ => null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    public void An_empty_client_id_is_refused(string clientId) =>
        Assert.Equal(["invalid_settings: The client ID is empty."], Problems(new FlowSettings(clientId)));

    [Fact]
    public void The_pending_login_ttl_must_be_positive()
    {
        Assert.Equal(["invalid_settings: The pending-login TTL must be positive."], Problems(new FlowSettings("c") { PendingLoginTtl = TimeSpan.Zero }));
        Assert.Single(Problems(new FlowSettings("c") { PendingLoginTtl = TimeSpan.FromTicks(-1) }));
        Assert.Empty(Problems(new FlowSettings("c") { PendingLoginTtl = TimeSpan.FromTicks(1) }));
    }

    [Fact]
    public void The_refresh_margin_may_be_zero_but_not_negative()
    {
        Assert.Empty(Problems(new FlowSettings("c") { RefreshMargin = TimeSpan.Zero }));
        Assert.Equal(["invalid_settings: The refresh margin must not be negative."], Problems(new FlowSettings("c") { RefreshMargin = TimeSpan.FromTicks(-1) }));
    }

    [Fact]
    public void Each_allowed_origin_must_be_an_absolute_http_url()
    {
        var settings = new FlowSettings("c") { AllowedOrigins = Seq("https://shop.example", "/relative", "http://localhost:5000", "ftp://x.example") };
        Assert.Equal(["invalid_settings: '/relative' is not an origin.", "invalid_settings: 'ftp://x.example' is not an origin."], Problems(settings));
    }

    [Theory]
    [InlineData("https://shop.example", true)]
    [InlineData("https://shop.example/", true)]                 // one trailing slash is tolerated
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://shop.example/path", false)]            // an origin has no path,
    [InlineData("https://shop.example?x=1", false)]             // no query,
    [InlineData("https://user@shop.example", false)]            // no user information
    [InlineData("https://shop.example:443", false)]             // and no default port written out
    public void An_allowed_origin_is_scheme_host_and_port_only(string origin, bool valid) =>
        Assert.Equal(valid, Problems(new FlowSettings("c") { AllowedOrigins = Seq([origin]) }).Length == 0);

    [Theory]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("https://www.wix.com", true)]
    public void An_expected_issuer_when_set_is_not_empty(string issuer, bool valid) =>
        Assert.Equal(valid ? [] : ["invalid_settings: The expected issuer is empty."], Problems(new FlowSettings("c") { ExpectedIssuer = issuer }));

    [Fact]
    public void Every_problem_is_reported_in_order()
    {
        var settings = new FlowSettings("") { PendingLoginTtl = TimeSpan.Zero, RefreshMargin = TimeSpan.FromSeconds(-1), AllowedOrigins = Seq(["nope"]), ExpectedIssuer = "" };
        Assert.Equal(
            ["invalid_settings: The client ID is empty.", "invalid_settings: The pending-login TTL must be positive.",
             "invalid_settings: The refresh margin must not be negative.", "invalid_settings: 'nope' is not an origin.",
             "invalid_settings: The expected issuer is empty."],
            Problems(settings));
    }
}

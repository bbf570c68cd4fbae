using Wix.Auth.Core.Errors;

namespace Wix.Auth.Tests.Unit.Errors;

/// <summary>
/// The codes are the public contract ports and hosts match on (spec/schema.md lists them): each is asserted as the
/// literal string, so that renaming or blanking one fails here, not in a user's <c>switch</c>.
/// </summary>
public sealed class ErrorCodeTests
{
    private static readonly WixError Wix = WixError.Of("invalid_grant");

    public static TheoryData<AuthError, string> Codes => new()
    {
        { new AuthError.InvalidRedirectUri(), "invalid_redirect_uri" },
        { new AuthError.InvalidReturnUrl(), "invalid_return_url" },
        { new AuthError.DisallowedOrigin("https://evil.example"), "disallowed_origin" },
        { new AuthError.InsufficientEntropy(80, 3), "insufficient_entropy" },
        { new AuthError.InvalidOAuthData(), "invalid_oauth_data" },
        { new AuthError.InvalidUrl(), "invalid_url" },
        { new AuthError.UrlTooLong(8192), "url_too_long" },
        { new AuthError.DuplicateParameter("code"), "duplicate_parameter" },
        { new AuthError.MissingParameter("state"), "missing_parameter" },
        { new AuthError.StateMismatch(), "state_mismatch" },
        { new AuthError.NoPendingLogin(), "no_pending_login" },
        { new AuthError.IssuerMismatch(), "issuer_mismatch" },
        { new AuthError.PendingLoginExpired(), "pending_login_expired" },
        { new AuthError.CallbackAlreadyReceived(), "callback_already_received" },
        { new AuthError.AuthorizationDenied("access_denied", "cancelled"), "authorization_denied" },
        { new AuthError.RemoteCallFailed(Wix), "remote_call_failed" },
        { new AuthError.RefreshRejected(Wix), "refresh_rejected" },
        { new AuthError.RefreshUnavailable(Wix), "refresh_unavailable" },
        { new AuthError.StoreUnavailable(), "store_unavailable" },
        { new AuthError.LoginCancelled(), "login_cancelled" },
        { new AuthError.LoginTimedOut(TimeSpan.FromSeconds(90)), "login_timed_out" },
        { new AuthError.BrowserFailed("no browser"), "browser_failed" },
        { new AuthError.NotAuthenticated(), "not_authenticated" },
        { new AuthError.AlreadyAuthenticated(), "already_authenticated" },
        { new AuthError.UnexpectedEvent("Idle", "CodeExchanged"), "unexpected_event" },
        { new AuthError.UnknownIdentityProvider(), "unknown_identity_provider" },
        { new AuthError.InvalidSettings("why"), "invalid_settings" },
        { new AuthError.NoResult(), "no_result" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_error_has_its_documented_code(AuthError error, string code) => Assert.Equal(code, error.Code);

    [Fact]
    public void Every_kind_of_error_is_listed_above() =>
        Assert.Equal(
            typeof(AuthError).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(AuthError))).Select(t => t.Name).Order(),
            Codes.Select(row => row[0].GetType().Name).Order());

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_error_says_something(AuthError error, string code) => Assert.False(string.IsNullOrWhiteSpace(error.Message), code);

    [Fact]
    public void Messages_name_the_values_a_reader_needs_and_no_secret()
    {
        Assert.Contains("https://evil.example", new AuthError.DisallowedOrigin("https://evil.example").Message);
        Assert.Contains("80", new AuthError.InsufficientEntropy(80, 3).Message);
        Assert.Contains("8192", new AuthError.UrlTooLong(8192).Message);
        Assert.Contains("'code'", new AuthError.DuplicateParameter("code").Message);
        Assert.Contains("invalid_grant", new AuthError.RefreshRejected(Wix).Message);
        Assert.Contains("CodeExchanged", new AuthError.UnexpectedEvent("Idle", "CodeExchanged").Message);
        Assert.Equal("why", new AuthError.InvalidSettings("why").Message);
        Assert.Contains("90 s", new AuthError.LoginTimedOut(TimeSpan.FromSeconds(90)).Message);
        Assert.Contains("no browser", new AuthError.BrowserFailed("no browser").Message);
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(401, true)]
    [InlineData(404, true)]
    [InlineData(499, true)]
    [InlineData(408, false)]      // request timeout: try again
    [InlineData(429, false)]      // too many requests: try again later
    [InlineData(399, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    [InlineData(599, false)]
    [InlineData(200, false)]
    public void Only_a_4xx_other_than_408_and_429_is_definitive_everything_else_transient(int status, bool definitive)
    {
        var error = new WixError("x", None, status, None);
        Assert.Equal((definitive, !definitive, !definitive), (error.IsDefinitive, error.IsTransient, WixError.IsTransientStatus(status)));
    }

    [Fact]
    public void A_failure_without_an_answer_is_transient()
    {
        Assert.Equal((false, true), (WixError.Of(WixError.NetworkError).IsDefinitive, WixError.Of(WixError.NetworkError).IsTransient));
        Assert.True(WixError.Of(WixError.Timeout).IsTransient);
        Assert.Equal(new WixError("timeout", None, None, None), WixError.Of(WixError.Timeout));
        Assert.Equal(("network_error", "timeout", "invalid_response"), (WixError.NetworkError, WixError.Timeout, WixError.InvalidResponse));
    }
}

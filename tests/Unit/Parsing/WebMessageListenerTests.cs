using Wix.Auth.Core.Parsing;

namespace Wix.Auth.Tests.Unit.Parsing;

/// <summary>
/// The browser host's wait for a web_message answer, as pure decisions: only the authorize page's origin and this
/// login's state count, an error is reported as Wix sent it, and the wait ends at its deadline.
/// </summary>
public sealed class WebMessageListenerTests
{
    private const string AuthUrl = "https://users.wix.example:8443/oauth2/authorize?rs=abc";
    private const string Origin = "https://users.wix.example:8443";
    private const string State = "state-0123456789";
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_915_034);
    private static readonly WebMessageListener Listener =
        WebMessageListener.For(AuthUrl, State, T0, TimeSpan.FromSeconds(120)).Match(l => l, e => throw new InvalidOperationException(e.Code));

    private static Dictionary<string, string?> Message(params (string Name, string? Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public void The_listener_accepts_only_the_login_urls_origin_until_the_deadline()
    {
        Assert.Equal(Origin, Listener.AuthorizeOrigin);
        Assert.Equal(T0.AddSeconds(120), Listener.Deadline);
    }

    [Fact]
    public void A_code_from_the_authorize_page_with_this_state_answers_the_login()
    {
        var outcome = Listener.Receive(Origin, Message(("code", "C-1"), ("state", State)), T0.AddSeconds(3));

        var granted = Assert.IsType<CallbackParams.Granted>(Assert.IsType<WebMessageOutcome.Answered>(outcome).Callback);
        Assert.Equal("C-1", granted.Code.Reveal());
        Assert.Equal(State, granted.State);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://users.wix.example")]
    [InlineData("http://users.wix.example:8443")]
    [InlineData("null")]
    [InlineData(null)]
    public void A_message_from_another_origin_is_ignored_even_with_the_right_state(string? origin) =>
        Assert.IsType<WebMessageOutcome.Ignored>(Listener.Receive(origin, Message(("code", "C-1"), ("state", State)), T0));

    [Theory]
    [InlineData("other-state")]
    [InlineData("")]
    [InlineData(null)]
    public void A_message_for_another_login_is_ignored(string? state) =>
        Assert.IsType<WebMessageOutcome.Ignored>(Listener.Receive(Origin, Message(("code", "C-1"), ("state", state)), T0));

    [Fact]
    public void A_message_without_data_is_ignored() => Assert.IsType<WebMessageOutcome.Ignored>(Listener.Receive(Origin, null, T0));

    [Fact]
    public void Wixs_error_is_reported_with_its_code_and_description()
    {
        var outcome = Listener.Receive(Origin, Message(("error", "login_required"), ("error_description", "no session"), ("state", State)), T0);

        var denied = Assert.IsType<CallbackParams.Denied>(Assert.IsType<WebMessageOutcome.Answered>(outcome).Callback);
        Assert.Equal(("login_required", "no session"), (denied.Error, denied.ErrorDescription));
    }

    [Fact]
    public void An_error_without_description_is_reported_with_an_empty_one()
    {
        var outcome = Listener.Receive(Origin, Message(("error", "login_required"), ("state", State)), T0);

        var denied = Assert.IsType<CallbackParams.Denied>(Assert.IsType<WebMessageOutcome.Answered>(outcome).Callback);
        Assert.Equal(("login_required", ""), (denied.Error, denied.ErrorDescription));
    }

    [Fact]
    public void An_empty_error_counts_as_no_error()
    {
        var outcome = Listener.Receive(Origin, Message(("error", ""), ("code", "C-1"), ("state", State)), T0);

        Assert.Equal("C-1", Assert.IsType<CallbackParams.Granted>(Assert.IsType<WebMessageOutcome.Answered>(outcome).Callback).Code.Reveal());
    }

    [Fact]
    public void This_logins_message_without_code_or_error_ends_it_with_a_typed_error()
    {
        var outcome = Listener.Receive(Origin, Message(("state", State)), T0);
        Assert.Equal("missing_parameter", Assert.IsType<WebMessageOutcome.Malformed>(outcome).Error.Code);
    }

    [Fact]
    public void A_code_of_the_largest_length_read_is_read()
    {
        var code = new string('c', WebMessageListener.MaxValueLength);
        var outcome = Listener.Receive(Origin, Message(("code", code), ("state", State)), T0);
        Assert.Equal(code, Assert.IsType<CallbackParams.Granted>(Assert.IsType<WebMessageOutcome.Answered>(outcome).Callback).Code.Reveal());
    }

    [Fact]
    public void An_oversized_code_is_not_read()
    {
        var outcome = Listener.Receive(Origin, Message(("code", new string('c', WebMessageListener.MaxValueLength + 1)), ("state", State)), T0);
        Assert.IsType<WebMessageOutcome.Malformed>(outcome);
    }

    [Fact]
    public void The_wait_times_out_after_its_deadline_and_not_before()
    {
        Assert.IsType<WebMessageOutcome.Ignored>(Listener.Expire(T0.AddSeconds(120)));
        Assert.IsType<WebMessageOutcome.TimedOut>(Listener.Expire(T0.AddSeconds(120.001)));
        Assert.IsType<WebMessageOutcome.TimedOut>(Listener.Receive(Origin, Message(("code", "C-1"), ("state", State)), T0.AddSeconds(121)));
        Assert.IsType<WebMessageOutcome.Answered>(Listener.Receive(Origin, Message(("code", "C-1"), ("state", State)), T0.AddSeconds(120)));
    }

    [Fact]
    public void The_timer_is_set_just_past_the_deadline_so_that_it_expires_the_wait()
    {
        var delay = Listener.TimerDelay(T0.AddSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(100) + TimeSpan.FromMilliseconds(1), delay);
        Assert.IsType<WebMessageOutcome.TimedOut>(Listener.Expire(T0.AddSeconds(20) + delay));
        Assert.Equal(TimeSpan.Zero, Listener.TimerDelay(T0.AddSeconds(130)));
    }

    [Theory]
    [InlineData("/relative", State, 120, "invalid_url: The callback URL is not an absolute URL.")]
    [InlineData("javascript:alert(1)", State, 120, "invalid_url: The callback URL is not an absolute URL.")]
    [InlineData(AuthUrl, "", 120, "missing_parameter: The parameter 'state' is missing or empty.")]
    [InlineData(AuthUrl, State, 0, "invalid_settings: The web_message timeout must be positive.")]
    [InlineData(AuthUrl, State, -1, "invalid_settings: The web_message timeout must be positive.")]
    public void A_wait_that_cannot_be_kept_is_refused(string authUrl, string state, int seconds, string error) =>
        Assert.Equal(error, WebMessageListener.For(authUrl, state, T0, TimeSpan.FromSeconds(seconds)).Match(_ => "accepted", e => $"{e.Code}: {e.Message}"));

    [Fact]
    public void A_login_url_over_plain_http_is_waited_for_too()
    {
        // The emulator, and Wix's staging hosts a developer may point at, serve the authorize page over http.
        var listener = WebMessageListener.For("http://127.0.0.1:5000/oauth2/authorize", State, T0, TimeSpan.FromSeconds(5));

        Assert.Equal("http://127.0.0.1:5000", listener.Match(l => l.AuthorizeOrigin, e => e.Code));
    }
}

using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

public sealed class LoginFlowTests
{
    [Fact]
    public void A_login_request_stores_the_pending_login_then_asks_for_visitor_tokens()
    {
        var data = Data();
        var d = Accept(LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0));

        var requested = Assert.IsType<LoginState.Requested>(d.State);
        Assert.Equal(new PendingLogin(data, Prompt.Login, ResponseMode.Fragment, T0), requested.Pending);
        Assert.Equal([new StorePendingLogin(requested.Pending), new ObtainVisitorTokens(new WixRequest.AnonymousGrant("cid-1"))], d.Effects.ToArray());
    }

    [Fact]
    public void Visitor_tokens_lead_to_the_login_redirect_session_exactly_as_the_sdk_sends_it()
    {
        var data = Data();
        var requested = Accept(LoginState.Initial, new LoginRequested(data, Prompt.None, ResponseMode.Query, T0)).State;
        var d = Accept(requested, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0));

        var session = Assert.IsType<CreateLoginSession>(d.Effects.Last).Request;
        Assert.Equal("/_api/redirects-api/v1/redirect-session", session.Path);
        Assert.Equal(Some(new Secret("AT-1")), session.Authorization);
        Assert.Equal(new AuthRequest(data.RedirectUri, "cid-1", data.CodeChallenge, "S256", "query", "code", "offline_access", data.State), session.AuthRequest);
        Assert.Equal("none", session.Prompt);
        var stored = Assert.IsType<StoreTokens>(d.Effects.Head).Tokens;
        Assert.Equal(TokenRole.Visitor, stored.Role);
        Assert.Equal(T0.AddSeconds(14_400), stored.AccessToken.ExpiresAt);
    }

    [Fact]
    public void Fresh_visitor_tokens_are_reused_for_the_next_login()
    {
        var visitor = Response("AT-1", "RT-1").ToTokens(T0, TokenRole.Visitor);
        var d = Accept(new LoginState.Idle(Some(visitor)), new LoginRequested(Data(), Prompt.Login, ResponseMode.Fragment, T0.AddMinutes(5)));
        Assert.IsType<CreateLoginSession>(d.Effects.Last);
    }

    [Fact]
    public void Visitor_tokens_inside_the_refresh_margin_are_not_reused()
    {
        var visitor = Response("AT-1", "RT-1", expiresIn: 100).ToTokens(T0, TokenRole.Visitor);
        var d = Accept(new LoginState.Idle(Some(visitor)), new LoginRequested(Data(), Prompt.Login, ResponseMode.Fragment, T0.AddSeconds(41)));
        Assert.IsType<ObtainVisitorTokens>(d.Effects.Last);
    }

    [Fact]
    public void The_login_url_is_where_the_browser_goes()
    {
        var d = Accept(Accept(Accept(LoginState.Initial, new LoginRequested(Data(), Prompt.Login, ResponseMode.Fragment, T0)).State,
            new VisitorTokensReceived(Response("AT-1", "RT-1"), T0)).State, new LoginSessionCreated("https://site.example/auth?rs=1"));
        Assert.Equal([new Redirect("https://site.example/auth?rs=1")], d.Effects.ToArray());
    }

    [Fact]
    public void The_matching_callback_uses_up_the_state_and_exchanges_the_code_with_the_verifier()
    {
        var data = Data();
        var d = Accept(AtWix(data), Callback("CODE-1", data.State, T0.AddMinutes(1)));

        Assert.IsType<LoginState.Callback>(d.State);
        Assert.Equal(new DeletePendingLogin(data.State), d.Effects.Head);
        var exchange = Assert.IsType<ExchangeCode>(d.Effects.Last).Request;
        Assert.Equal(new WixRequest.AuthorizationCodeGrant("cid-1", data.RedirectUri, new Secret("CODE-1"), data.CodeVerifier), exchange);
        Assert.Equal("authorization_code", exchange.GrantType);
        Assert.True(exchange.Authorization.IsNone);
    }

    [Fact]
    public void The_code_exchange_authenticates_the_member()
    {
        var state = Assert.IsType<LoginState.Authenticated>(LoggedIn(Data()));
        Assert.Equal(TokenRole.Member, state.Member.Role);
        Assert.Equal("AT-4", state.Member.AccessToken.Value.Reveal());
        Assert.Equal("RT-4", state.Member.RefreshToken.Value.Reveal());
    }

    [Fact]
    public void An_error_callback_ends_the_attempt_with_wixs_code_and_description()
    {
        var data = Data();
        var d = Accept(AtWix(data), new CallbackReceived(new CallbackParams.Denied("access_denied", "cancelled", data.State, None), T0));
        var failed = Assert.IsType<LoginState.Failed>(d.State);
        Assert.Equal(new AuthError.AuthorizationDenied("access_denied", "cancelled"), failed.Reason);
        Assert.Equal([new DeletePendingLogin(data.State)], d.Effects.ToArray());
    }

    [Fact]
    public void A_forged_state_is_rejected() =>
        Assert.Equal(new AuthError.StateMismatch(), Reject(AtWix(Data(1)), Callback("CODE-1", Data(2).State, T0)));

    [Fact]
    public void An_error_callback_with_a_forged_state_is_rejected_too() =>
        Assert.Equal(new AuthError.StateMismatch(), Reject(AtWix(Data()), new CallbackReceived(new CallbackParams.Denied("access_denied", "", "", None), T0)));

    [Fact]
    public void A_second_callback_during_the_exchange_is_rejected()
    {
        var data = Data();
        var exchanging = Accept(AtWix(data), Callback("CODE-1", data.State, T0)).State;
        Assert.Equal(new AuthError.CallbackAlreadyReceived(), Reject(exchanging, Callback("CODE-1", data.State, T0)));
    }

    [Fact]
    public void A_replayed_callback_after_login_is_rejected()
    {
        var data = Data();
        Assert.Equal(new AuthError.NoPendingLogin(), Reject(LoggedIn(data), Callback("CODE-1", data.State, T0)));
    }

    [Fact]
    public void A_callback_nobody_asked_for_is_rejected() =>
        Assert.Equal(new AuthError.NoPendingLogin(), Reject(LoginState.Initial, Callback("CODE-1", Data().State, T0)));

    [Fact]
    public void A_pending_login_lives_exactly_its_ttl()
    {
        var data = Data();
        Accept(AtWix(data), Callback("C", data.State, T0.AddMinutes(10)));
        Assert.Equal(new AuthError.PendingLoginExpired(), Reject(AtWix(data), Callback("C", data.State, T0.AddMinutes(10).AddTicks(1))));
        var shortTtl = Settings with { PendingLoginTtl = TimeSpan.FromSeconds(30) };
        Assert.Equal(new AuthError.PendingLoginExpired(), Reject(AtWix(data), Callback("C", data.State, T0.AddSeconds(31)), shortTtl));
    }

    [Fact]
    public void A_new_login_replaces_the_pending_one()
    {
        var (first, second) = (Data(1), Data(2));
        var d = Accept(AtWix(first), new LoginRequested(second, Prompt.Login, ResponseMode.Fragment, T0));
        Assert.Equal(new DeletePendingLogin(first.State), d.Effects.Head);
        Assert.Equal(new AuthError.StateMismatch(), Reject(d.State, Callback("C", first.State, T0)));
    }

    [Fact]
    public void Logging_in_twice_is_refused() =>
        Assert.Equal(new AuthError.AlreadyAuthenticated(), Reject(LoggedIn(Data()), new LoginRequested(Data(2), Prompt.Login, ResponseMode.Fragment, T0)));

    [Fact]
    public void A_login_request_during_the_code_exchange_is_refused()
    {
        var data = Data();
        var exchanging = Accept(AtWix(data), Callback("C", data.State, T0)).State;
        Assert.Equal(new AuthError.CallbackAlreadyReceived(), Reject(exchanging, new LoginRequested(Data(2), Prompt.Login, ResponseMode.Fragment, T0)));
    }

    [Fact]
    public void Original_uri_outside_the_allowed_origins_is_refused()
    {
        var strict = Settings with { AllowedOrigins = Seq1("http://localhost:3000") };
        Assert.Equal(new AuthError.DisallowedOrigin("https://evil.example"),
            Reject(LoginState.Initial, new LoginRequested(Data(originalUri: "https://evil.example/x"), Prompt.Login, ResponseMode.Fragment, T0), strict));
        Assert.IsType<LoginState.Requested>(LoginFlow.Transition(strict, LoginState.Initial,
            new LoginRequested(Data(), Prompt.Login, ResponseMode.Fragment, T0)).Match(d => d.State, e => throw new Xunit.Sdk.XunitException(e.Code)));
    }

    [Fact]
    public void Oauth_data_not_made_by_generate_oauth_data_is_refused()
    {
        var data = Data();
        Assert.Equal(new AuthError.InvalidOAuthData(), Reject(LoginState.Initial, new LoginRequested(data with { CodeChallenge = "tampered" }, Prompt.Login, ResponseMode.Fragment, T0)));
        Assert.Equal(new AuthError.InvalidOAuthData(), Reject(LoginState.Initial, new LoginRequested(data with { State = "short" }, Prompt.Login, ResponseMode.Fragment, T0)));
    }

    [Fact]
    public void Fresh_tokens_are_not_refreshed_and_expiring_ones_are()
    {
        var member = LoggedIn(Data());
        Assert.Empty(Accept(member, new RefreshRequested(T0.AddMinutes(1))).Effects);
        var expiresAt = ((LoginState.Authenticated)member).Member.AccessToken.ExpiresAt;
        var refresh = Accept(member, new RefreshRequested(expiresAt.AddSeconds(-60))).Effects;
        Assert.Equal([new RefreshTokens(new WixRequest.RefreshTokenGrant("cid-1", new Secret("RT-4")))], refresh.ToArray());
        Assert.Empty(Accept(member, new RefreshRequested(expiresAt.AddSeconds(-61))).Effects);
    }

    [Fact]
    public void A_refresh_keeps_the_refresh_token_unless_wix_rotates_it()
    {
        var member = LoggedIn(Data());
        var kept = Assert.IsType<LoginState.Authenticated>(Accept(member, new TokensRefreshed(new TokenResponse(new Secret("AT-5"), None, 100), T0)).State);
        Assert.Equal(("AT-5", "RT-4"), (kept.Member.AccessToken.Value.Reveal(), kept.Member.RefreshToken.Value.Reveal()));
        Assert.Equal(T0.AddSeconds(100), kept.Member.AccessToken.ExpiresAt);
        var rotated = Assert.IsType<LoginState.Authenticated>(Accept(member, new TokensRefreshed(Response("AT-5", "RT-5"), T0)).State);
        Assert.Equal("RT-5", rotated.Member.RefreshToken.Value.Reveal());
    }

    [Fact]
    public void A_refused_refresh_ends_the_session_visibly_and_never_turns_the_member_into_a_visitor()
    {
        var error = new WixError("invalid_grant", None, Some(400), Some("req-1"));
        var d = Accept(LoggedIn(Data()), new RemoteCallFailed(error));
        Assert.Equal(new LoginState.Failed(new AuthError.RefreshRejected(error)), d.State);
        Assert.Equal([new ClearTokens()], d.Effects.ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    public void A_refresh_that_failed_for_now_keeps_the_member_tokens(int? status)
    {
        var error = new WixError(WixError.NetworkError, None, Optional(status).Map(s => s), None);
        Assert.Equal(new AuthError.RefreshUnavailable(error), Reject(LoggedIn(Data()), new RemoteCallFailed(error)));
    }

    [Fact]
    public void Logout_of_a_member_clears_tokens_and_asks_wix_for_the_logout_url_with_the_member_token()
    {
        var d = Accept(LoggedIn(Data()), new LogoutRequested("http://localhost:3000/bye"));
        Assert.Equal(new LoginState.LoggedOut("http://localhost:3000/bye"), d.State);
        Assert.Equal([new ClearTokens(), new CreateLogoutSession(new WixRequest.LogoutSession(new Secret("AT-4"), "cid-1", "http://localhost:3000/bye"))], d.Effects.ToArray());
        Assert.Equal([new Redirect("https://site.example/logout")], Accept(d.State, new LogoutSessionCreated("https://site.example/logout")).Effects.ToArray());
    }

    [Fact]
    public void Logout_when_wix_fails_still_clears_tokens_and_returns_to_the_site()
    {
        var loggedOut = Accept(LoggedIn(Data()), new LogoutRequested("http://localhost:3000/bye")).State;
        Assert.Equal([new Redirect("http://localhost:3000/bye")], Accept(loggedOut, new RemoteCallFailed(WixError.Of(WixError.Timeout))).Effects.ToArray());
    }

    [Fact]
    public void Logout_without_a_member_clears_tokens_and_the_pending_login()
    {
        var data = Data();
        var d = Accept(AtWix(data), new LogoutRequested("http://localhost:3000/bye"));
        Assert.Equal([new DeletePendingLogin(data.State), new ClearTokens(), new Redirect("http://localhost:3000/bye")], d.Effects.ToArray());
    }

    [Theory]
    [InlineData("/bye", "invalid_return_url")]
    [InlineData("//evil.example/bye", "invalid_return_url")]
    [InlineData("https://evil.example/bye", "disallowed_origin")]
    [InlineData("http:\\\\evil.example", "invalid_return_url")]
    public void Logout_to_a_bad_url_is_refused_and_keeps_the_member(string url, string code)
    {
        var strict = Settings with { AllowedOrigins = Seq1("http://localhost:3000") };
        Assert.Equal(code, Reject(LoggedIn(Data()), new LogoutRequested(url), strict).Code);
    }

    [Fact]
    public void Visitor_tokens_on_request()
    {
        var asked = Accept(LoginState.Initial, new VisitorTokensRequested(T0));
        Assert.Equal([new ObtainVisitorTokens(new WixRequest.AnonymousGrant("cid-1"))], asked.Effects.ToArray());
        var idle = Assert.IsType<LoginState.Idle>(Accept(asked.State, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0)).State);
        Assert.Equal(TokenRole.Visitor, idle.Visitor.Map(v => v.Role).IfNone(TokenRole.None));
    }

    [Fact]
    public void Failures_of_calls_end_the_login_attempt()
    {
        var data = Data();
        var error = WixError.Of(WixError.NetworkError);
        var requested = Accept(LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0));
        Assert.Equal(Decision.To(new LoginState.Failed(new AuthError.RemoteCallFailed(error)), new DeletePendingLogin(data.State)), Accept(requested.State, new RemoteCallFailed(error)));
        var exchanging = Accept(AtWix(data), Callback("C", data.State, T0)).State;
        Assert.Equal(new LoginState.Failed(new AuthError.RemoteCallFailed(error)), Accept(exchanging, new RemoteCallFailed(error)).State);
        Assert.Equal(new AuthError.RemoteCallFailed(error), Reject(LoginState.Initial, new RemoteCallFailed(error)));
    }

    [Fact]
    public void Refreshing_without_a_member_is_refused() =>
        Assert.Equal(new AuthError.NotAuthenticated(), Reject(LoginState.Initial, new RefreshRequested(T0)));

    [Fact]
    public void Events_outside_the_protocol_are_rejected_by_name()
    {
        Assert.Equal(new AuthError.UnexpectedEvent("Idle", "CodeExchanged"), Reject(LoginState.Initial, new CodeExchanged(Response("A", "R"), T0)));
        Assert.Equal(new AuthError.UnexpectedEvent("Authenticated", "LoginSessionCreated"), Reject(LoggedIn(Data()), new LoginSessionCreated("https://x")));
    }

    [Fact]
    public void Tokens_restore_into_the_state_that_may_hold_them()
    {
        var member = Response("AT", "RT").ToTokens(T0, TokenRole.Member);
        var visitor = Response("AT", "RT").ToTokens(T0, TokenRole.Visitor);
        Assert.Equal(new LoginState.Authenticated(member), LoginState.FromTokens(member));
        Assert.Equal(new LoginState.Idle(Some(visitor)), LoginState.FromTokens(visitor));
        Assert.Equal(LoginState.Initial, LoginState.FromTokens(None));
    }

    [Fact]
    public void Printing_states_and_effects_never_shows_a_secret()
    {
        var data = Data();
        var exchanging = Accept(AtWix(data), Callback("CODE-SECRET", data.State, T0));
        var printed = exchanging.ToString() + LoggedIn(data);
        foreach (var secret in new[] { "CODE-SECRET", data.CodeVerifier.Reveal(), "AT-4", "RT-4", "AT-1" })
            Assert.DoesNotContain(secret, printed);
    }
}

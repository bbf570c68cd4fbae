using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>Every step compared as a whole decision: the next state and every effect, in order — no more, no fewer.</summary>
public sealed class LoginFlowTests
{
    private static readonly WixError Refused = new("invalid_grant", None, Some(400), Some("req-1"));
    private static readonly WixError Unreachable = WixError.Of(WixError.NetworkError);

    private static WixRequest.LoginSession LoginSession(PendingLogin pending, string accessToken = "AT-1", string prompt = "login") =>
        new(new Secret(accessToken), new AuthRequest(pending.Data.RedirectUri, "cid-1", pending.Data.CodeChallenge, "S256",
            pending.ResponseMode.ToWire(), "code", "offline_access", pending.Data.State), prompt);

    [Fact]
    public void A_login_request_stores_the_pending_login_then_asks_for_visitor_tokens()
    {
        var data = Data();
        Assert.Equal(
            Decision.Calling(new LoginState.Requested(Pending(data), None), new ObtainVisitorTokens(new WixRequest.AnonymousGrant("cid-1")), new StorePendingLogin(Pending(data), TimeSpan.FromMinutes(10))),
            Accept(LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0)));
    }

    [Fact]
    public void Visitor_tokens_lead_to_the_login_redirect_session_exactly_as_the_sdk_sends_it()
    {
        var pending = Pending(Data(), Prompt.None, ResponseMode.Query);
        var requested = Accept(LoginState.Initial, new LoginRequested(pending.Data, Prompt.None, ResponseMode.Query, T0)).State;
        var d = Accept(requested, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0));

        Assert.Equal(Decision.Calling(new LoginState.Requested(pending, Some(Visitor())), new CreateLoginSession(LoginSession(pending, prompt: "none"))), d);
        var session = Assert.IsType<CreateLoginSession>(d.Call.Case).Request;
        Assert.Equal("/_api/redirects-api/v1/redirect-session", session.Path);
        Assert.Equal(Some(new Secret("AT-1")), session.Authorization);
        Assert.Equal(T0.AddSeconds(14_400), LoginQueries.VisitorTokens(d.State).Map(v => v.AccessToken.ExpiresAt));
    }

    [Fact]
    public void Fresh_visitor_tokens_are_reused_for_the_next_login()
    {
        var pending = Pending(Data(), at: T0.AddMinutes(5));
        Assert.Equal(
            Decision.Calling(new LoginState.Requested(pending, Some(Visitor())), new CreateLoginSession(LoginSession(pending)), new StorePendingLogin(pending, TimeSpan.FromMinutes(10))),
            Accept(new LoginState.Idle(Some(Visitor())), new LoginRequested(pending.Data, Prompt.Login, ResponseMode.Fragment, T0.AddMinutes(5))));
    }

    [Fact]
    public void Visitor_tokens_inside_the_refresh_margin_are_not_reused()
    {
        var visitor = Response("AT-1", "RT-1", expiresIn: 100).ToTokens(T0, TokenRole.Visitor);
        var pending = Pending(Data(), at: T0.AddSeconds(40));
        Assert.IsType<CreateLoginSession>(Accept(new LoginState.Idle(Some(visitor)), new LoginRequested(pending.Data, Prompt.Login, ResponseMode.Fragment, T0.AddSeconds(39))).Call.Case);
        Assert.Equal(
            Decision.Calling(new LoginState.Requested(pending, None), new ObtainVisitorTokens(new WixRequest.AnonymousGrant("cid-1")), new StorePendingLogin(pending, TimeSpan.FromMinutes(10))),
            Accept(new LoginState.Idle(Some(visitor)), new LoginRequested(pending.Data, Prompt.Login, ResponseMode.Fragment, T0.AddSeconds(40))));
    }

    [Fact]
    public void The_login_url_is_where_the_browser_goes()
    {
        var requested = Run(LoginState.Initial, new LoginRequested(Data(), Prompt.Login, ResponseMode.Fragment, T0), new VisitorTokensReceived(Response("AT-1", "RT-1"), T0)).State;
        Assert.Equal(Decision.To(requested, new Redirect(AuthUrl)), Accept(requested, new LoginSessionCreated(AuthUrl)));
    }

    [Fact]
    public void A_matching_callback_first_takes_its_pending_login_from_the_store()
    {
        var data = Data();
        var callback = Callback("CODE-1", data.State, T0.AddMinutes(1));
        Assert.Equal(Decision.Calling(new LoginState.Callback(callback.Params, T0.AddMinutes(1), None, Some(Visitor())), new TakePendingLogin(data.State)), Accept(AtWix(data), callback));
        // The same in a session that never began the login: a web callback runs in a new session.
        Assert.Equal(Decision.Calling(new LoginState.Callback(callback.Params, T0.AddMinutes(1), None, None), new TakePendingLogin(data.State)), Accept(LoginState.Initial, callback));
    }

    [Fact]
    public void The_taken_pending_login_exchanges_the_code_with_its_verifier_and_redirect_uri()
    {
        var data = Data();
        var taking = Accept(AtWix(data), Callback("CODE-1", data.State, T0.AddMinutes(1))).State;
        var d = Accept(taking, new PendingLoginTaken(Pending(data)));
        Assert.Equal(Decision.Calling(((LoginState.Callback)taking) with { Taken = Pending(data) },
            new ExchangeCode(new WixRequest.AuthorizationCodeGrant("cid-1", data.RedirectUri, new Secret("CODE-1"), data.CodeVerifier))), d);
        Assert.Equal("authorization_code", ((ExchangeCode)d.Call.Case!).Request.GrantType);
    }

    [Fact]
    public void The_code_exchange_authenticates_the_member_and_remembers_the_logins_redirect_uri_and_return_target()
    {
        var member = Response("AT-4", "RT-4").ToTokens(T0.AddMinutes(1), TokenRole.Member);
        Assert.Equal(Decision.To(new LoginState.Authenticated(member, Some(RedirectUri)) { ReturnTo = Some("http://localhost:3000/orig") }),
            Accept(Exchanging(Data()), new CodeExchanged(Response("AT-4", "RT-4"), T0.AddMinutes(1))));
        Assert.Equal(Decision.To(new LoginState.Authenticated(member, Some(RedirectUri))),
            Accept(Exchanging(Data(originalUri: null)), new CodeExchanged(Response("AT-4", "RT-4"), T0.AddMinutes(1))));
    }

    [Fact]
    public void The_return_target_is_the_one_checked_when_the_login_began_in_its_location_safe_form()
    {
        var data = Data(originalUri: "/caf\u00e9?q=a b");
        var requested = (LoginState.Requested)Accept(LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0)).State;
        var done = Run(requested, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0), new LoginSessionCreated(AuthUrl),
            Callback("CODE-1", data.State, T0.AddMinutes(1)), new PendingLoginTaken(requested.Pending), new CodeExchanged(Response("AT-4", "RT-4"), T0.AddMinutes(1)));
        Assert.Equal(Some("/caf%C3%A9?q=a%20b"), LoginQueries.ReturnTo(done.State));
    }

    [Fact]
    public void An_error_callback_uses_up_the_pending_login_and_ends_the_attempt_with_wixs_code_and_description()
    {
        var data = Data();
        var taking = Accept(AtWix(data), new CallbackReceived(new CallbackParams.Denied("access_denied", "cancelled", data.State, null), data.State, T0)).State;
        Assert.Equal(Decision.To(new LoginState.Failed(new AuthError.AuthorizationDenied("access_denied", "cancelled"), Some(Visitor())) { ReturnTo = Some("http://localhost:3000/orig") }),
            Accept(taking, new PendingLoginTaken(Pending(data))));
    }

    [Fact]
    public void A_callback_whose_state_is_not_the_expected_one_is_rejected()
    {
        var data = Data(1);
        Assert.Equal(new AuthError.StateMismatch(), Reject(AtWix(data), new CallbackReceived(Granted("CODE-1", Data(2).State), data.State, T0)));
        Assert.Equal(new AuthError.StateMismatch(), Reject(AtWix(data), new CallbackReceived(new CallbackParams.Denied("access_denied", "", "", null), data.State, T0)));
    }

    [Fact]
    public void A_second_callback_while_one_is_in_flight_is_rejected()
    {
        var data = Data();
        var taking = Accept(AtWix(data), Callback("CODE-1", data.State, T0)).State;
        Assert.Equal(new AuthError.CallbackAlreadyReceived(), Reject(taking, Callback("CODE-1", data.State, T0)));
        Assert.Equal(new AuthError.CallbackAlreadyReceived(), Reject(Exchanging(data), Callback("CODE-1", data.State, T0)));
    }

    [Fact]
    public void A_callback_after_login_is_rejected() =>
        Assert.Equal(new AuthError.AlreadyAuthenticated(), Reject(LoggedIn(Data()), Callback("CODE-1", Data().State, T0)));

    [Fact]
    public void A_callback_whose_pending_login_is_gone_ends_the_attempt()
    {
        var taking = Accept(LoginState.Initial, Callback("CODE-1", Data().State, T0)).State;
        Assert.Equal(Decision.To(new LoginState.Failed(new AuthError.NoPendingLogin())), Accept(taking, new PendingLoginGone()));
    }

    [Fact]
    public void A_pending_login_lives_exactly_its_ttl_counted_to_the_callbacks_arrival()
    {
        var data = Data();
        Assert.IsType<ExchangeCode>(Accept(Accept(AtWix(data), Callback("C", data.State, T0.AddMinutes(10))).State, new PendingLoginTaken(Pending(data))).Call.Case);
        var late = Accept(AtWix(data), Callback("C", data.State, T0.AddMinutes(10).AddTicks(1))).State;
        var expired = new LoginState.Failed(new AuthError.PendingLoginExpired(), Some(Visitor())) { ReturnTo = Some("http://localhost:3000/orig") };
        Assert.Equal(Decision.To(expired), Accept(late, new PendingLoginTaken(Pending(data))));
        var shortTtl = Settings with { PendingLoginTtl = TimeSpan.FromSeconds(30) };
        Assert.Equal(Decision.To(expired),
            Accept(Accept(AtWix(data), Callback("C", data.State, T0.AddSeconds(31)), shortTtl).State, new PendingLoginTaken(Pending(data)), shortTtl));
    }

    [Fact]
    public void A_new_login_replaces_the_sessions_pending_one()
    {
        var (first, second) = (Data(1), Data(2));
        Assert.Equal(
            Decision.Calling(new LoginState.Requested(Pending(second), Some(Visitor())), new CreateLoginSession(LoginSession(Pending(second))),
                new DeletePendingLogin(first.State), new StorePendingLogin(Pending(second), TimeSpan.FromMinutes(10))),
            Accept(AtWix(first), new LoginRequested(second, Prompt.Login, ResponseMode.Fragment, T0)));
    }

    [Fact]
    public void Logging_in_twice_is_refused() =>
        Assert.Equal(new AuthError.AlreadyAuthenticated(), Reject(LoggedIn(Data()), new LoginRequested(Data(2), Prompt.Login, ResponseMode.Fragment, T0)));

    [Fact]
    public void A_login_request_during_a_callback_is_refused_until_the_callback_is_older_than_the_ttl()
    {
        var exchanging = Exchanging(Data(), at: T0);
        Assert.Equal(new AuthError.CallbackAlreadyReceived(), Reject(exchanging, new LoginRequested(Data(2), Prompt.Login, ResponseMode.Fragment, T0.AddMinutes(10))));
        var abandoned = Accept(exchanging, new LoginRequested(Data(2), Prompt.Login, ResponseMode.Fragment, T0.AddMinutes(10).AddTicks(1)));
        Assert.Equal(new LoginState.Requested(Pending(Data(2), at: T0.AddMinutes(10).AddTicks(1)), Some(Visitor())), abandoned.State);
    }

    [Theory]
    [InlineData("http://localhost:3000/orig", null)]
    [InlineData("/cart?x=1", null)]
    [InlineData("https://shop.example/x", "disallowed_origin")]
    [InlineData("http://localhost:3001/x", "disallowed_origin")]
    [InlineData("//evil.example/x", "invalid_return_url")]
    [InlineData("javascript:alert(1)", "invalid_return_url")]
    public void Original_uris_are_local_or_on_the_redirect_uris_origin_unless_the_host_allows_more(string originalUri, string? code)
    {
        var data = Data() with { OriginalUri = originalUri };
        var result = LoginFlow.Transition(Settings, LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0));
        Assert.Equal(code, result.MatchUnsafe(_ => null, e => e.Code));
        var allowing = Settings with { AllowedOrigins = Seq1("https://shop.example") };
        Assert.Equal(code is null || originalUri.StartsWith("https://shop.example", StringComparison.Ordinal) ? null : code,
            LoginFlow.Transition(allowing, LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0)).MatchUnsafe(_ => null, e => e.Code));
    }

    [Fact]
    public void Oauth_data_not_made_by_generate_oauth_data_is_refused()
    {
        var data = Data();
        Assert.Equal(new AuthError.InvalidOAuthData(), Reject(LoginState.Initial, new LoginRequested(data with { CodeChallenge = "tampered" }, Prompt.Login, ResponseMode.Fragment, T0)));
        Assert.Equal(new AuthError.InvalidOAuthData(), Reject(LoginState.Initial, new LoginRequested(data with { State = "short" }, Prompt.Login, ResponseMode.Fragment, T0)));
    }

    [Fact]
    public void Fresh_tokens_are_used_as_they_are_and_expiring_ones_are_refreshed()
    {
        var member = LoggedIn(Data());
        Assert.Equal(Decision.To(member), Accept(member, new RefreshRequested(T0.AddMinutes(1))));
        var expiresAt = ((LoginState.Authenticated)member).Member.AccessToken.ExpiresAt;
        Assert.Equal(Decision.Calling(member, new RefreshTokens(new WixRequest.RefreshTokenGrant("cid-1", new Secret("RT-4")))), Accept(member, new RefreshRequested(expiresAt.AddSeconds(-60))));
        Assert.Equal(Decision.To(member), Accept(member, new RefreshRequested(expiresAt.AddSeconds(-61))));
    }

    [Fact]
    public void Expiring_visitor_tokens_are_renewed_with_new_visitor_tokens()
    {
        var idle = new LoginState.Idle(Some(Visitor()));
        Assert.Equal(Decision.To(idle), Accept(idle, new RefreshRequested(T0)));
        Assert.Equal(Decision.Calling(idle, new ObtainVisitorTokens(new WixRequest.AnonymousGrant("cid-1"))), Accept(idle, new RefreshRequested(T0.AddSeconds(14_400 - 60))));
        Assert.Equal(new AuthError.NotAuthenticated(), Reject(LoginState.Initial, new RefreshRequested(T0)));
    }

    [Fact]
    public void A_refresh_keeps_the_refresh_token_unless_wix_rotates_it()
    {
        var member = (LoginState.Authenticated)LoggedIn(Data());
        var kept = new Tokens(new AccessToken(new Secret("AT-5"), T0.AddSeconds(100)), new RefreshToken(new Secret("RT-4"), TokenRole.Member));
        Assert.Equal(Decision.To(member with { Member = kept }), Accept(member, new TokensRefreshed(new TokenResponse(new Secret("AT-5"), None, 100), T0)));
        var rotated = Assert.IsType<LoginState.Authenticated>(Accept(member, new TokensRefreshed(Response("AT-5", "RT-5"), T0)).State);
        Assert.Equal("RT-5", rotated.Member.RefreshToken.Value.Reveal());
    }

    [Fact]
    public void A_refused_refresh_ends_the_session_visibly_and_every_later_renewal_is_told_so()
    {
        var d = Accept(LoggedIn(Data()), new RefreshFailed(Refused));
        Assert.Equal(Decision.To(new LoginState.Failed(new AuthError.RefreshRejected(Refused))), d);
        Assert.Equal(new AuthError.RefreshRejected(Refused), Reject(d.State, new RefreshRequested(T0)));
        Assert.True(LoginQueries.TokensOf(d.State).IsNone);
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
        Assert.Equal(new AuthError.RefreshUnavailable(error), Reject(LoggedIn(Data()), new RefreshFailed(error)));
    }

    [Fact]
    public void Logout_of_a_member_forgets_the_tokens_and_asks_wix_for_the_logout_url_with_the_member_token()
    {
        var d = Accept(LoggedIn(Data()), new LogoutRequested("http://localhost:3000/bye", T0));
        Assert.Equal(Decision.Calling(new LoginState.LoggedOut("http://localhost:3000/bye"),
            new CreateLogoutSession(new WixRequest.LogoutSession(new Secret("AT-4"), "cid-1", "http://localhost:3000/bye"))), d);
        Assert.Equal(Decision.To(d.State, new Redirect("https://site.example/logout")), Accept(d.State, new LogoutSessionCreated("https://site.example/logout")));
    }

    [Fact]
    public void A_members_local_post_logout_path_is_resolved_on_the_logins_origin()
    {
        Assert.Equal(new LoginState.LoggedOut("http://localhost:3000/bye"), Accept(LoggedIn(Data()), new LogoutRequested("/bye", T0)).State);
        var restored = LoginState.FromTokens(Response("AT", "RT").ToTokens(T0, TokenRole.Member));
        Assert.Equal(new AuthError.InvalidReturnUrl(), Reject(restored, new LogoutRequested("/bye", T0)));
    }

    [Fact]
    public void Logout_when_wix_fails_still_forgets_the_tokens_and_returns_to_the_site()
    {
        var loggedOut = Accept(LoggedIn(Data()), new LogoutRequested("http://localhost:3000/bye", T0)).State;
        Assert.Equal(Decision.To(loggedOut, new Redirect("http://localhost:3000/bye")), Accept(loggedOut, new LogoutSessionFailed(WixError.Of(WixError.Timeout))));
    }

    [Fact]
    public void Logout_without_a_member_drops_the_pending_login_and_returns_at_once()
    {
        var data = Data();
        Assert.Equal(Decision.To(new LoginState.LoggedOut("http://localhost:3000/bye"), new DeletePendingLogin(data.State), new Redirect("http://localhost:3000/bye")),
            Accept(AtWix(data), new LogoutRequested("http://localhost:3000/bye", T0)));
        Assert.Equal(Decision.To(new LoginState.LoggedOut("/bye"), new Redirect("/bye")), Accept(LoginState.Initial, new LogoutRequested("/bye", T0)));
    }

    [Theory]
    [InlineData("//evil.example/bye", "invalid_return_url")]
    [InlineData("https://evil.example/bye", "disallowed_origin")]
    [InlineData("http:\\\\evil.example", "invalid_return_url")]
    [InlineData("/%2F%2Fevil.example", "invalid_return_url")]
    public void Logout_to_a_bad_url_is_refused_and_keeps_the_member(string url, string code) =>
        Assert.Equal(code, Reject(LoggedIn(Data()), new LogoutRequested(url, T0)).Code);

    [Fact]
    public void Visitor_tokens_on_request()
    {
        Assert.Equal(Decision.Calling(LoginState.Initial, new ObtainVisitorTokens(new WixRequest.AnonymousGrant("cid-1"))), Accept(LoginState.Initial, new VisitorTokensRequested(T0)));
        Assert.Equal(Decision.To(new LoginState.Idle(Some(Visitor()))), Accept(LoginState.Initial, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0)));
        Assert.Equal(new AuthError.RemoteCallFailed(Unreachable), Reject(LoginState.Initial, new VisitorTokensFailed(Unreachable)));
    }

    [Fact]
    public void A_failed_call_of_a_login_ends_the_attempt_and_its_pending_login()
    {
        var data = Data();
        var failed = Decision.To(new LoginState.Failed(new AuthError.RemoteCallFailed(Unreachable)), new DeletePendingLogin(data.State));
        Assert.Equal(failed, Accept(Accept(LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0)).State, new VisitorTokensFailed(Unreachable)));
        var awaitingSession = Run(LoginState.Initial, new LoginRequested(data, Prompt.Login, ResponseMode.Fragment, T0), new VisitorTokensReceived(Response("AT-1", "RT-1"), T0)).State;
        Assert.Equal(failed with { State = new LoginState.Failed(new AuthError.RemoteCallFailed(Unreachable), Some(Visitor())) }, Accept(awaitingSession, new LoginSessionFailed(Unreachable)));
        Assert.Equal(Decision.To(new LoginState.Failed(new AuthError.RemoteCallFailed(Refused), Some(Visitor())) { ReturnTo = Some("http://localhost:3000/orig") }),
            Accept(Exchanging(data), new CodeExchangeFailed(Refused)));
    }

    [Fact]
    public void A_failed_login_keeps_the_visitors_tokens_and_renews_them_when_due()
    {
        var failed = new LoginState.Failed(new AuthError.NoPendingLogin(), Some(Visitor()));
        Assert.Equal(Some(Visitor()), LoginQueries.TokensOf(failed));
        Assert.Equal(Decision.To(failed), Accept(failed, new RefreshRequested(T0)));
        Assert.Equal(Decision.Calling(failed, new ObtainVisitorTokens(new WixRequest.AnonymousGrant("cid-1"))), Accept(failed, new RefreshRequested(T0.AddSeconds(14_400 - 60))));
        Assert.Equal(new AuthError.NotAuthenticated(), Reject(new LoginState.Failed(new AuthError.NoPendingLogin()), new RefreshRequested(T0)));
    }

    [Fact]
    public void Answers_to_calls_nobody_made_are_rejected_by_name()
    {
        Assert.Equal(new AuthError.UnexpectedEvent("Idle", "CodeExchanged"), Reject(LoginState.Initial, new CodeExchanged(Response("A", "R"), T0)));
        Assert.Equal(new AuthError.UnexpectedEvent("Authenticated", "LoginSessionCreated"), Reject(LoggedIn(Data()), new LoginSessionCreated("https://x")));
        Assert.Equal(new AuthError.UnexpectedEvent("Requested", "PendingLoginTaken"), Reject(AtWix(Data()), new PendingLoginTaken(Pending(Data()))));
        Assert.Equal(new AuthError.UnexpectedEvent("Callback", "PendingLoginTaken"), Reject(Exchanging(Data()), new PendingLoginTaken(Pending(Data()))));
        Assert.Equal(new AuthError.UnexpectedEvent("Callback", "CodeExchanged"),
            Reject(Accept(AtWix(Data()), Callback("C", Data().State, T0)).State, new CodeExchanged(Response("A", "R"), T0)));
        Assert.Equal(new AuthError.UnexpectedEvent("Idle", "RefreshFailed"), Reject(LoginState.Initial, new RefreshFailed(Refused)));
    }

    [Theory]
    [InlineData("https://wix.example/issuer", null)]
    [InlineData("https://evil.example/issuer", "issuer_mismatch")]
    [InlineData("https://WIX.example/issuer", "issuer_mismatch")]
    [InlineData(null, "issuer_mismatch")]
    public void With_an_expected_issuer_configured_a_callback_must_carry_it(string? iss, string? code)
    {
        var data = Data();
        var callback = new CallbackReceived(new CallbackParams.Granted(new Secret("C"), data.State, iss), data.State, T0);
        var strict = Settings with { ExpectedIssuer = "https://wix.example/issuer" };
        Assert.Equal(code, LoginFlow.Transition(strict, AtWix(data), callback).MatchUnsafe(_ => null, e => e.Code));
        Assert.IsType<TakePendingLogin>(Accept(AtWix(data), callback).Call.Case);
    }

    [Fact]
    public void Tokens_restore_into_the_state_that_may_hold_them()
    {
        var member = Response("AT", "RT").ToTokens(T0, TokenRole.Member);
        var visitor = Response("AT", "RT").ToTokens(T0, TokenRole.Visitor);
        Assert.Equal(new LoginState.Authenticated(member, None), LoginState.FromTokens(member));
        Assert.Equal(new LoginState.Idle(Some(visitor)), LoginState.FromTokens(visitor));
        Assert.Equal(LoginState.Initial, LoginState.FromTokens(None));
    }

    [Fact]
    public void Printing_states_and_effects_never_shows_a_secret()
    {
        var data = Data();
        var exchanging = Accept(Accept(AtWix(data), Callback("CODE-SECRET", data.State, T0)).State, new PendingLoginTaken(Pending(data)));
        var printed = exchanging.ToString() + LoggedIn(data) + string.Join("", exchanging.Effects);
        foreach (var secret in new[] { "CODE-SECRET", data.CodeVerifier.Reveal(), "AT-4", "RT-4", "AT-1" })
            Assert.DoesNotContain(secret, printed);
    }
}

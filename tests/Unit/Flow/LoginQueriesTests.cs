using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>The questions hosts ask, at their boundaries.</summary>
public sealed class LoginQueriesTests
{
    private static readonly Tokens Member = Response("AT-M", "RT-M").ToTokens(T0, TokenRole.Member);
    private static readonly LoginState Authenticated = new LoginState.Authenticated(Member, Some(RedirectUri));

    [Fact]
    public void Renewal_is_needed_from_the_margin_before_expiry_on()
    {
        var expiresAt = Member.AccessToken.ExpiresAt;
        Assert.False(LoginQueries.NeedsRenewal(Settings, Authenticated, expiresAt.AddSeconds(-60).AddTicks(-1)));
        Assert.True(LoginQueries.NeedsRenewal(Settings, Authenticated, expiresAt.AddSeconds(-60)));
        Assert.True(LoginQueries.NeedsRenewal(Settings with { RefreshMargin = TimeSpan.Zero }, Authenticated, expiresAt));
        Assert.False(LoginQueries.NeedsRenewal(Settings with { RefreshMargin = TimeSpan.Zero }, Authenticated, expiresAt.AddTicks(-1)));
        Assert.False(LoginQueries.NeedsRenewal(Settings, LoginState.Initial, expiresAt));
        Assert.True(LoginQueries.NeedsRenewal(Settings, new LoginState.Idle(Some(Visitor())), Visitor().AccessToken.ExpiresAt));
    }

    [Fact]
    public void A_fresh_access_token_is_the_sessions_own_outside_the_margin()
    {
        Assert.Equal(Some(Member.AccessToken.Value), LoginQueries.FreshAccessToken(Settings, Authenticated, T0));
        Assert.True(LoginQueries.FreshAccessToken(Settings, Authenticated, Member.AccessToken.ExpiresAt.AddSeconds(-60)).IsNone);
        Assert.Equal(Some(Visitor().AccessToken.Value), LoginQueries.FreshAccessToken(Settings, new LoginState.Idle(Some(Visitor())), T0));
        Assert.True(LoginQueries.FreshAccessToken(Settings, new LoginState.Failed(new AuthError.NoPendingLogin()), T0).IsNone);
    }

    [Fact]
    public void Only_an_authenticated_session_is_a_member()
    {
        Assert.True(LoginQueries.IsMember(Authenticated));
        Assert.False(LoginQueries.IsMember(new LoginState.Idle(Some(Visitor()))));
        Assert.False(LoginQueries.IsMember(AtWix(Data())));
        Assert.False(LoginQueries.IsMember(new LoginState.LoggedOut("/")));
    }

    [Fact]
    public void Tokens_of_a_session_are_the_members_or_a_visitors()
    {
        Assert.Equal(Some(Member), LoginQueries.TokensOf(Authenticated));
        Assert.Equal(Some(Visitor()), LoginQueries.TokensOf(AtWix(Data())));
        Assert.Equal(Some(Visitor()), LoginQueries.TokensOf(Exchanging(Data())));
        Assert.True(LoginQueries.TokensOf(new LoginState.Failed(new AuthError.RefreshRejected(WixError.Of("x")))).IsNone);
        Assert.True(LoginQueries.TokensOf(new LoginState.LoggedOut("/")).IsNone);
    }

    [Fact]
    public void Logout_renews_first_only_a_members_due_token()
    {
        var due = Member.AccessToken.ExpiresAt.AddSeconds(-30);
        Assert.True(LoginQueries.RenewBeforeLogout(Settings, Authenticated, due));
        Assert.False(LoginQueries.RenewBeforeLogout(Settings, Authenticated, T0));
        Assert.False(LoginQueries.RenewBeforeLogout(Settings, new LoginState.Idle(Some(Visitor())), Visitor().AccessToken.ExpiresAt));
    }

    [Fact]
    public void No_pending_login_means_expired_only_after_the_ttl_since_the_login_began()
    {
        var none = new AuthError.NoPendingLogin();
        Assert.Equal(new AuthError.NoPendingLogin(), LoginQueries.WhyLoginFailed(Settings, none, Some(T0), T0.AddMinutes(10)));
        Assert.Equal(new AuthError.PendingLoginExpired(), LoginQueries.WhyLoginFailed(Settings, none, Some(T0), T0.AddMinutes(10).AddTicks(1)));
        Assert.Equal(new AuthError.NoPendingLogin(), LoginQueries.WhyLoginFailed(Settings, none, None, T0.AddDays(1)));
    }

    [Fact]
    public void Any_other_failure_is_shown_as_it_is_however_old_the_login()
    {
        var denied = new AuthError.AuthorizationDenied("access_denied", "cancelled");
        Assert.Equal(new AuthError.AuthorizationDenied("access_denied", "cancelled"), LoginQueries.WhyLoginFailed(Settings, denied, Some(T0), T0.AddDays(1)));
        Assert.Equal(new AuthError.StateMismatch(), LoginQueries.WhyLoginFailed(Settings, new AuthError.StateMismatch(), Some(T0), T0.AddDays(1)));
    }

    [Fact]
    public void Only_a_callback_refused_before_anything_was_touched_keeps_the_login_ticket()
    {
        Assert.True(LoginQueries.KeepsLoginTicket(new AuthError.StateMismatch()));
        Assert.True(LoginQueries.KeepsLoginTicket(new AuthError.StoreUnavailable()));
        AuthError[] spent =
        [
            new AuthError.NoPendingLogin(), new AuthError.PendingLoginExpired(), new AuthError.AuthorizationDenied("access_denied", ""),
            new AuthError.RemoteCallFailed(WixError.Of(WixError.NetworkError)), new AuthError.IssuerMismatch(), new AuthError.CallbackAlreadyReceived(),
        ];
        Assert.All(spent, error => Assert.False(LoginQueries.KeepsLoginTicket(error), error.Code));
    }

    [Fact]
    public void The_return_target_is_a_completed_logins_or_an_ended_ones()
    {
        Assert.Equal(Some("/cart"), LoginQueries.ReturnTo(new LoginState.Authenticated(Member, None) { ReturnTo = Some("/cart") }));
        Assert.Equal(Some("/cart"), LoginQueries.ReturnTo(new LoginState.Failed(new AuthError.AuthorizationDenied("login_required", "")) { ReturnTo = Some("/cart") }));
        Assert.True(LoginQueries.ReturnTo(Authenticated).IsNone);
        Assert.True(LoginQueries.ReturnTo(AtWix(Data())).IsNone);
    }

    [Fact]
    public void Only_a_state_that_says_more_than_no_entry_is_worth_keeping()
    {
        Assert.True(LoginQueries.IsWorthKeeping(Authenticated));
        Assert.True(LoginQueries.IsWorthKeeping(new LoginState.Idle(Some(Visitor()))));
        Assert.True(LoginQueries.IsWorthKeeping(new LoginState.Requested(Pending(Data()), None)));
        Assert.True(LoginQueries.IsWorthKeeping(new LoginState.Callback(Granted("C", "s"), T0, None, None)));
        Assert.True(LoginQueries.IsWorthKeeping(new LoginState.Failed(new AuthError.RefreshRejected(WixError.Of("invalid_grant")))));
        Assert.True(LoginQueries.IsWorthKeeping(new LoginState.Failed(new AuthError.NoPendingLogin(), Some(Visitor()))));
        Assert.False(LoginQueries.IsWorthKeeping(LoginState.Initial));
        Assert.False(LoginQueries.IsWorthKeeping(new LoginState.Failed(new AuthError.NoPendingLogin())));
        Assert.False(LoginQueries.IsWorthKeeping(new LoginState.LoggedOut("/")));
    }

    [Fact]
    public void The_redirect_uri_of_a_session_is_its_logins()
    {
        Assert.Equal(Some(RedirectUri), LoginQueries.RedirectUriOf(AtWix(Data())));
        Assert.Equal(Some(RedirectUri), LoginQueries.RedirectUriOf(Exchanging(Data())));
        Assert.Equal(Some(RedirectUri), LoginQueries.RedirectUriOf(LoggedIn(Data())));
        Assert.True(LoginQueries.RedirectUriOf(LoginState.Initial).IsNone);
    }
}

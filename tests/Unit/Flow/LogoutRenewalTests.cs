using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>
/// Logout with a member token within the refresh margin, as one flow: the refresh first (Wix ends its session only for a
/// live member token), then the logout Redirect Session with the renewed token; a refused refresh makes the logout local.
/// </summary>
public sealed class LogoutRenewalTests
{
    private const string Bye = "http://localhost:3000/bye";

    // LoggedIn's member token (AT-4, RT-4) was issued at T0 + 1 min for 14,400 s; the margin is 60 s.
    private static readonly DateTimeOffset Due = T0.AddMinutes(1).AddSeconds(14_400 - 60);

    private static WixRequest.LogoutSession LogoutSession(string accessToken) => new(new Secret(accessToken), "cid-1", Bye);

    [Fact]
    public void A_members_token_within_the_margin_is_refreshed_first_and_the_tokens_are_forgotten_at_once()
    {
        var d = Accept(LoggedIn(Data()), new LogoutRequested(Bye, Due));

        Assert.Equal(Decision.Calling(new LoginState.LoggingOut(Bye, new Secret("AT-4")), new RefreshTokens(new WixRequest.RefreshTokenGrant("cid-1", new Secret("RT-4")))), d);
        Assert.True(LoginQueries.TokensOf(d.State).IsNone);
        Assert.False(LoginQueries.IsWorthKeeping(d.State));
        Assert.False(LoginQueries.IsMember(d.State));
    }

    [Fact]
    public void A_token_outside_the_margin_goes_straight_to_wix_and_a_local_path_is_resolved_on_the_logins_origin()
    {
        Assert.Equal(Decision.Calling(new LoginState.LoggedOut(Bye), new CreateLogoutSession(LogoutSession("AT-4"))),
            Accept(LoggedIn(Data()), new LogoutRequested(Bye, Due.AddTicks(-1))));
        Assert.Equal(new LoginState.LoggingOut(Bye, new Secret("AT-4")), Accept(LoggedIn(Data()), new LogoutRequested("/bye", Due)).State);
    }

    [Fact]
    public void The_renewed_token_asks_wix_for_the_logout_url()
    {
        var loggingOut = Accept(LoggedIn(Data()), new LogoutRequested(Bye, Due)).State;

        var d = Accept(loggingOut, new TokensRefreshed(Response("AT-5", "RT-5"), Due));

        Assert.Equal(Decision.Calling(new LoginState.LoggedOut(Bye), new CreateLogoutSession(LogoutSession("AT-5"))), d);
        Assert.Equal(Decision.To(d.State, new Redirect("https://site.example/logout")), Accept(d.State, new LogoutSessionCreated("https://site.example/logout")));
    }

    [Fact]
    public void A_refused_refresh_makes_the_logout_local_straight_back_to_the_site()
    {
        var loggingOut = Accept(LoggedIn(Data()), new LogoutRequested(Bye, Due)).State;

        Assert.Equal(Decision.To(new LoginState.LoggedOut(Bye), new Redirect(Bye)), Accept(loggingOut, new RefreshFailed(new WixError("invalid_grant", None, Some(400), None))));
    }

    [Fact]
    public void When_wix_cannot_be_reached_for_the_refresh_the_held_token_still_asks_for_the_logout_url()
    {
        var loggingOut = Accept(LoggedIn(Data()), new LogoutRequested(Bye, Due)).State;

        Assert.Equal(Decision.Calling(new LoginState.LoggedOut(Bye), new CreateLogoutSession(LogoutSession("AT-4"))), Accept(loggingOut, new RefreshFailed(WixError.Of(WixError.NetworkError))));
    }

    [Fact]
    public void A_logout_waiting_for_its_refresh_takes_no_other_answer_and_prints_no_secret()
    {
        var loggingOut = Accept(LoggedIn(Data()), new LogoutRequested(Bye, Due)).State;

        Assert.Equal(new AuthError.UnexpectedEvent("LoggingOut", "LogoutSessionCreated"), Reject(loggingOut, new LogoutSessionCreated("https://x")));
        Assert.DoesNotContain("AT-4", loggingOut.ToString());
    }
}

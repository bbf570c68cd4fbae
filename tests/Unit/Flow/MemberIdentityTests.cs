using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>
/// Whether the member's identity is fetched, and what a failed fetch means, are the core's: a login with the site's own form
/// knows its member from the start; any other asks Wix's token info once, when a host needs it, and keeps the answer; a
/// failure leaves the member logged in with the identity unknown, so a later request may ask again.
/// </summary>
public sealed class MemberIdentityTests
{
    private static readonly MemberIdentity Ada = new("member-ada", "contact-ada", "ada@example.com", true);
    private static readonly TokenInfoReply AdasToken = new(true, Some("MEMBER"), Some("member-ada"));

    [Fact]
    public void A_login_with_the_sites_form_knows_its_member_from_the_start_and_fetches_nothing()
    {
        var data = Data();
        var method = new LoginMethod.WithSessionToken(new Secret("JWS.session-token-1")) { Member = Some(Ada) };
        var requested = Accept(LoginState.Initial, new LoginRequested(data, Prompt.None, ResponseMode.Query, T0) { Method = method });
        var pending = Assert.IsType<LoginState.Requested>(requested.State).Pending;
        Assert.Equal(Some(Ada), pending.Member);
        Assert.Equal(Some(Ada), Assert.IsType<StorePendingLogin>(requested.Actions.Last()).Pending.Member);

        var loggedIn = Run(requested.State, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0), new LoginSessionCreated(AuthUrl),
            Callback("CODE-1", data.State, T0.AddSeconds(2)), new PendingLoginTaken(pending), new CodeExchanged(Response("MAT", "MRT"), T0.AddSeconds(3))).State;

        Assert.Equal(Some(Ada), LoginQueries.MemberIdentityOf(loggedIn));
        Assert.Equal(Decision.To(loggedIn), Accept(loggedIn, new MemberIdentityRequested()));
    }

    [Fact]
    public void A_login_on_wixs_page_asks_token_info_with_the_members_access_token_once_asked()
    {
        var loggedIn = LoggedIn(Data());
        Assert.True(LoginQueries.MemberIdentityOf(loggedIn).IsNone);

        Assert.Equal(Decision.Calling(loggedIn, new FetchMemberIdentity(new MemberAuthRequest.TokenInfo(new Secret("AT-4")))), Accept(loggedIn, new MemberIdentityRequested()));
    }

    [Fact]
    public void Token_infos_answer_is_kept_and_never_fetched_twice()
    {
        var loggedIn = (LoginState.Authenticated)LoggedIn(Data());
        var known = Accept(loggedIn, new MemberIdentityReceived(AdasToken)).State;

        Assert.Equal(loggedIn with { Identity = Some(new MemberIdentity("member-ada", null, null, null)) }, known);
        Assert.Equal(Decision.To(known), Accept(known, new MemberIdentityRequested()));
        // An answer that comes late does not replace what is known.
        Assert.Equal(Decision.To(known), Accept(known, new MemberIdentityReceived(new TokenInfoReply(false, None, None))));
    }

    [Fact]
    public void A_failed_fetch_leaves_the_member_logged_in_with_the_identity_unknown_so_a_later_request_asks_again()
    {
        var loggedIn = LoggedIn(Data());
        Assert.Equal(Decision.To(loggedIn), Accept(loggedIn, new MemberIdentityFetchFailed(WixError.Of(WixError.NetworkError))));
        // Token info that names no member (an inactive token, a visitor's) says nothing either.
        Assert.Equal(Decision.To(loggedIn), Accept(loggedIn, new MemberIdentityReceived(new TokenInfoReply(false, Some("MEMBER"), Some("member-ada")))));
        Assert.IsType<FetchMemberIdentity>(Accept(loggedIn, new MemberIdentityRequested()).Call.Case);
    }

    [Fact]
    public void Without_a_member_there_is_no_identity_to_ask_for()
    {
        Assert.Equal(new AuthError.NotAuthenticated(), Reject(LoginState.Initial, new MemberIdentityRequested()));
        Assert.Equal(new AuthError.NotAuthenticated(), Reject(new LoginState.Idle(Some(Visitor())), new MemberIdentityRequested()));
        Assert.Equal(new AuthError.NotAuthenticated(), Reject(AtWix(Data()), new MemberIdentityRequested()));
        Assert.Equal(new AuthError.UnexpectedEvent("Idle", "MemberIdentityReceived"), Reject(LoginState.Initial, new MemberIdentityReceived(AdasToken)));
        Assert.Equal(new AuthError.UnexpectedEvent("Idle", "MemberIdentityFetchFailed"), Reject(LoginState.Initial, new MemberIdentityFetchFailed(WixError.Of(WixError.Timeout))));
    }

    [Fact]
    public void A_refresh_keeps_the_identity_and_the_return_target()
    {
        var known = Accept(LoggedIn(Data()), new MemberIdentityReceived(AdasToken)).State;
        var refreshed = Accept(known, new TokensRefreshed(Response("AT-5", "RT-5"), T0.AddHours(4))).State;

        Assert.Equal(LoginQueries.MemberIdentityOf(known), LoginQueries.MemberIdentityOf(refreshed));
        Assert.Equal(Some("http://localhost:3000/orig"), LoginQueries.ReturnTo(refreshed));
        Assert.Equal(Some(new Secret("AT-5")), LoginQueries.MemberTokens(refreshed).Map(t => t.AccessToken.Value));
    }
}

using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary><c>setTokens</c> as an event of the flow: the tokens' role decides the state, and a login it replaces leaves no pending login behind.</summary>
public sealed class SetTokensTests
{
    private static readonly Tokens Member = Response("AT-M", "RT-M").ToTokens(T0, TokenRole.Member);

    [Fact]
    public void A_members_tokens_log_the_session_in_and_a_visitors_leave_it_without_a_member()
    {
        Assert.Equal(Decision.To(new LoginState.Authenticated(Member, None)), Accept(LoginState.Initial, new TokensSet(Member)));
        Assert.Equal(Decision.To(new LoginState.Idle(Some(Visitor()))), Accept(LoginState.Initial, new TokensSet(Visitor())));
        Assert.Equal(Decision.To(new LoginState.Idle(Some(Visitor()))), Accept(LoggedIn(Data()), new TokensSet(Visitor())));
    }

    [Fact]
    public void Tokens_set_during_a_login_replace_it_and_delete_its_pending_login()
    {
        var data = Data();
        Assert.Equal(Decision.To(new LoginState.Authenticated(Member, None), new DeletePendingLogin(data.State)), Accept(AtWix(data), new TokensSet(Member)));
        Assert.Equal(Decision.To(new LoginState.Idle(Some(Visitor())), new DeletePendingLogin(data.State)), Accept(AtWix(data), new TokensSet(Visitor())));
    }

    [Fact]
    public void Tokens_set_in_any_other_state_replace_it_and_ask_for_nothing()
    {
        var other = Response("AT-O", "RT-O").ToTokens(T0, TokenRole.Member);
        Assert.Equal(Decision.To(new LoginState.Authenticated(Member, None)), Accept(Exchanging(Data()), new TokensSet(Member)));
        Assert.Equal(Decision.To(new LoginState.Authenticated(Member, None)), Accept(new LoginState.Authenticated(other, Some(RedirectUri)), new TokensSet(Member)));
        Assert.Equal(Decision.To(new LoginState.Authenticated(Member, None)), Accept(new LoginState.Failed(new AuthError.RefreshRejected(WixError.Of("x"))), new TokensSet(Member)));
        Assert.Equal(Decision.To(new LoginState.Authenticated(Member, None)), Accept(new LoginState.LoggedOut("/bye"), new TokensSet(Member)));
    }
}

using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Flow;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>A session the host discards (a browser's new login replaced it, or the host refused the login) keeps nothing.</summary>
public sealed class SessionDiscardedTests
{
    [Fact]
    public void A_discarded_session_keeps_no_tokens_and_asks_nothing_of_wix()
    {
        var member = Response("AT-M", "RT-M").ToTokens(T0, TokenRole.Member);

        Assert.Equal(Decision.To(LoginState.Initial), Accept(new LoginState.Authenticated(member, Some(RedirectUri)), new SessionDiscarded()));
        Assert.Equal(Decision.To(LoginState.Initial), Accept(new LoginState.Idle(Some(Visitor())), new SessionDiscarded()));
        Assert.Equal(Decision.To(LoginState.Initial), Accept(LoginState.Initial, new SessionDiscarded()));
        Assert.False(LoginQueries.IsWorthKeeping(LoginState.Initial));
    }

    [Fact]
    public void A_login_in_progress_is_discarded_with_its_pending_login()
    {
        var data = Data();
        Assert.Equal(Decision.To(LoginState.Initial, new DeletePendingLogin(data.State)), Accept(AtWix(data), new SessionDiscarded()));
    }
}

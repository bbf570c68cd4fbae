using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Flow.LoginEffect;
using static Wix.Auth.Core.Flow.LoginEvent;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>
/// How the member logs in decides what the login URL carries, in the core: a session token from the site's own form
/// (always silent), a social provider (never silent), or Wix's page. The callback completes as for any login.
/// </summary>
public sealed class LoginMethodTests
{
    private static readonly Secret SessionToken = new("JWS.session-token-1");

    private static AuthRequest LoginUrlRequest(LoginMethod method, Prompt prompt, ResponseMode mode, out string wirePrompt)
    {
        var login = new LoginRequested(Data(), prompt, mode, T0) { Method = method };
        var requested = Accept(LoginState.Initial, login).State;
        var session = Assert.IsType<CreateLoginSession>(Accept(requested, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0)).Call.Case).Request;
        wirePrompt = session.Prompt;
        return session.AuthRequest;
    }

    [Fact]
    public void A_session_token_goes_in_the_login_url_with_prompt_none_whatever_the_host_asked()
    {
        var request = LoginUrlRequest(new LoginMethod.WithSessionToken(SessionToken), Prompt.Login, ResponseMode.Query, out var prompt);

        Assert.Equal("none", prompt);
        Assert.Equal("query", request.ResponseMode);
        Assert.Equal(Some(SessionToken), request.SessionToken);
        Assert.True(request.Idp.IsNone);
        Assert.Equal(RedirectUri, request.RedirectUri);
    }

    [Fact]
    public void A_social_login_names_its_provider_and_keeps_the_page_prompt()
    {
        var request = LoginUrlRequest(new LoginMethod.Social(IdentityProvider.Google), Prompt.Login, ResponseMode.Fragment, out var prompt);

        Assert.Equal("login", prompt);
        Assert.Equal(Some(IdentityProvider.Google), request.Idp);
        Assert.Equal("0e6a50f5-b523-4e29-990d-f37fa2ffdd69", request.Idp.Map(i => i.Id).IfNone(""));
        Assert.True(request.SessionToken.IsNone);
    }

    [Fact]
    public void The_wix_page_adds_nothing_to_the_login_url()
    {
        var request = LoginUrlRequest(LoginMethod.WixPage, Prompt.Login, ResponseMode.Fragment, out _);
        Assert.True(request.SessionToken.IsNone);
        Assert.True(request.Idp.IsNone);
    }

    [Theory]
    [InlineData("empty token", "The session token is empty.")]
    [InlineData("empty provider", "The identity provider is empty.")]
    [InlineData("silent social", "A social login shows the provider's page: it cannot be silent or answered by web_message.")]
    [InlineData("social by web_message", "A social login shows the provider's page: it cannot be silent or answered by web_message.")]
    public void A_login_method_that_cannot_work_is_refused_and_nothing_is_stored(string kind, string why)
    {
        var (method, prompt, mode) = kind switch
        {
            "empty token" => ((LoginMethod)new LoginMethod.WithSessionToken(new Secret("")), Prompt.None, ResponseMode.Query),
            "empty provider" => (new LoginMethod.Social(IdentityProvider.Connection(" ")), Prompt.Login, ResponseMode.Query),
            "silent social" => (new LoginMethod.Social(IdentityProvider.Facebook), Prompt.None, ResponseMode.Query),
            _ => (new LoginMethod.Social(IdentityProvider.Facebook), Prompt.Login, ResponseMode.WebMessage),
        };

        var error = Reject(LoginState.Initial, new LoginRequested(Data(), prompt, mode, T0) { Method = method });

        // The code for the host; the sentence tells its developer which part of the login request is wrong.
        Assert.Equal(("invalid_settings", why), (error.Code, error.Message));
    }

    [Fact]
    public void A_session_token_login_completes_through_the_ordinary_callback()
    {
        var data = Data();
        var requested = Accept(LoginState.Initial, new LoginRequested(data, Prompt.None, ResponseMode.Query, T0) { Method = new LoginMethod.WithSessionToken(SessionToken) }).State;
        var atWix = Run(requested, new VisitorTokensReceived(Response("AT-1", "RT-1"), T0), new LoginSessionCreated(AuthUrl)).State;
        var pending = Assert.IsType<LoginState.Requested>(atWix).Pending;

        var done = Run(atWix, Callback("CODE-1", data.State, T0.AddSeconds(2)), new PendingLoginTaken(pending), new CodeExchanged(Response("MAT", "MRT"), T0.AddSeconds(3)));

        Assert.IsType<LoginState.Authenticated>(done.State);
    }

    [Fact]
    public void The_stored_pending_login_holds_no_session_token_while_the_session_keeps_it_for_the_login_url()
    {
        var member = Some(new MemberIdentity("member-1", null, null, null));
        var login = new LoginRequested(Data(), Prompt.None, ResponseMode.Query, T0) { Method = new LoginMethod.WithSessionToken(SessionToken) { Member = member } };

        var decision = Accept(LoginState.Initial, login);

        var stored = Assert.Single(decision.Effects.OfType<StorePendingLogin>()).Pending;
        Assert.Equal(LoginMethod.WixPage, stored.Method);
        Assert.Equal(member, stored.Member);
        Assert.Equal(login.Method, Assert.IsType<LoginState.Requested>(decision.State).Pending.Method);
    }

    [Fact]
    public void The_session_token_is_never_printed()
    {
        var method = new LoginMethod.WithSessionToken(SessionToken);
        var pending = Pending(Data()) with { Method = method };
        Assert.Equal("WithSessionToken { SessionToken = ***, Member = None }", method.ToString());
        Assert.DoesNotContain(SessionToken.Reveal(), pending.ToString());
    }
}

/// <summary>Which failed logins end quietly: only a silent login's "the member must interact" answers.</summary>
public sealed class QuietEndTests
{
    [Theory]
    [InlineData(Prompt.None, "login_required", true)]
    [InlineData(Prompt.None, "interaction_required", true)]
    [InlineData(Prompt.None, "consent_required", true)]
    [InlineData(Prompt.None, "access_denied", false)]
    [InlineData(Prompt.Login, "login_required", false)]
    public void Only_a_silent_logins_interaction_errors_end_quietly(Prompt prompt, string error, bool quiet) =>
        Assert.Equal(quiet, LoginQueries.EndsQuietly(prompt, new AuthError.AuthorizationDenied(error, "")));

    [Fact]
    public void Other_failures_of_a_silent_login_are_errors() =>
        Assert.False(LoginQueries.EndsQuietly(Prompt.None, new AuthError.StateMismatch()));
}

/// <summary>Token info names a member only for an active member's token.</summary>
public sealed class TokenInfoReplyTests
{
    [Theory]
    [InlineData(true, "MEMBER", "m-1", "m-1")]
    [InlineData(true, "VISITOR", "v-1", null)]
    [InlineData(false, "MEMBER", "m-1", null)]
    [InlineData(true, "MEMBER", "", null)]
    [InlineData(true, null, "m-1", null)]
    public void Only_an_active_members_token_names_a_member(bool active, string? subjectType, string? subjectId, string? memberId) =>
        Assert.Equal(memberId, new TokenInfoReply(active, Optional(subjectType), Optional(subjectId)).Member.Map(m => m.MemberId).IfNoneUnsafe((string?)null));
}

using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Members.ExternalLoginEvent;
using static Wix.Auth.Core.Members.ExternalLoginState;

namespace Wix.Auth.Tests.Unit.Members;

/// <summary>
/// External login decided by the core, whole decisions for each step: the calls carry a fresh token of the session (a
/// stale one is renewed first, on both paths), none where none is needed, and Wix's grant becomes a member's tokens for
/// the session flow.
/// </summary>
public sealed class ExternalLoginFlowTests
{
    private static readonly FlowSettings Settings = new("cid-1");
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_915_034);
    private static readonly DateTimeOffset Stale = T0.AddSeconds(14_400 - 60);
    private static readonly Secret ApiKey = new("IST.key-1");
    private const string MemberId = "7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10";
    private static readonly MemberIdentity Jane = new(MemberId, "c-1", "jane@example.com", true);
    private static readonly LoginState MemberSession = new LoginState.Authenticated(Held(TokenRole.Member), None);
    private static readonly LoginState VisitorSession = new LoginState.Idle(Some(Held(TokenRole.Visitor)));

    private static readonly ExternalLoginRequest.ByMemberId ById = new(ApiKey, MemberId);
    private static readonly ExternalLoginRequest.WithSignOn ByEmail = new(ApiKey, "jane@example.com", None, Some(true), None);

    private static Tokens Held(TokenRole role) => new(new AccessToken(new Secret("AT-HELD"), T0.AddSeconds(14_400)), new RefreshToken(new Secret("RT-HELD"), role));

    private static ExternalLoginDecision Decide(ExternalLoginState state, ExternalLoginEvent @event) =>
        ExternalLoginFlow.Transition(Settings, state, @event).Match(d => d, e => throw new Xunit.Sdk.XunitException($"rejected: {e.Code}"));

    private static MemberAuthError Reject(ExternalLoginState state, ExternalLoginEvent @event) =>
        ExternalLoginFlow.Transition(Settings, state, @event).Match(d => throw new Xunit.Sdk.XunitException($"decided {d}"), e => e);

    private static ExternalLoginDecision Grant(Option<string> token) => ExternalLoginDecision.Calling(new Granting(new MemberIdentity(MemberId, null, null, null)),
        new ExternalLoginCall.GrantTokens(new MemberAuthRequest.ExternalLogin(token.Map(t => new Secret(t)), ApiKey, MemberId)));

    private static ExternalLoginDecision SignOn(string token) => ExternalLoginDecision.Calling(new SigningOn(new Secret(token), ApiKey),
        new ExternalLoginCall.SignOn(new MemberAuthRequest.SignOn(new Secret(token), ApiKey, "jane@example.com", None, Some(true), None)));

    [Fact]
    public void A_fresh_token_of_the_session_goes_with_the_grant_and_with_sign_on()
    {
        Assert.Equal(Grant(Some("AT-HELD")), Decide(ExternalLoginFlow.Initial, new LoginRequested(ById with { MemberId = $" {MemberId} " }, MemberSession, T0)));
        Assert.Equal(Grant(Some("AT-HELD")), Decide(ExternalLoginFlow.Initial, new LoginRequested(ById, VisitorSession, Stale.AddTicks(-1))));
        Assert.Equal(SignOn("AT-HELD"), Decide(ExternalLoginFlow.Initial, new LoginRequested(ByEmail with { Email = " jane@example.com " }, MemberSession, T0)));
    }

    [Fact]
    public void A_token_within_the_refresh_margin_is_renewed_first_on_both_paths_and_the_renewed_one_is_sent()
    {
        var renewing = Decide(ExternalLoginFlow.Initial, new LoginRequested(ById, MemberSession, Stale));
        Assert.Equal(ExternalLoginDecision.Calling(new RenewingToken(ById), new ExternalLoginCall.RenewSessionTokens()), renewing);
        Assert.Equal(Grant(Some("AT-NEW")), Decide(renewing.State, new TokenRenewed(new Secret("AT-NEW"))));

        var signOnRenewing = Decide(ExternalLoginFlow.Initial, new LoginRequested(ByEmail, VisitorSession, Stale));
        Assert.Equal(ExternalLoginDecision.Calling(new RenewingToken(ByEmail), new ExternalLoginCall.RenewSessionTokens()), signOnRenewing);
        Assert.Equal(SignOn("AT-NEW"), Decide(signOnRenewing.State, new TokenRenewed(new Secret("AT-NEW"))));
    }

    [Fact]
    public void Without_a_usable_token_the_grant_goes_without_one_and_sign_on_waits_for_a_visitors()
    {
        var awaiting = ExternalLoginDecision.Calling(new AwaitingVisitorTokens(ByEmail), new ExternalLoginCall.ObtainVisitorTokens());
        Assert.Equal(Grant(None), Decide(ExternalLoginFlow.Initial, new LoginRequested(ById, LoginState.Initial, T0)));
        Assert.Equal(awaiting, Decide(ExternalLoginFlow.Initial, new LoginRequested(ByEmail, LoginState.Initial, T0)));
        // The session's tokens could not be renewed (a refused refresh, Wix unreachable): the same.
        Assert.Equal(Grant(None), Decide(new RenewingToken(ById), new TokenRenewalFailed(new WixError("refresh_rejected", None, None, None))));
        Assert.Equal(awaiting, Decide(new RenewingToken(ByEmail), new TokenRenewalFailed(new WixError("refresh_rejected", None, None, None))));
        Assert.Equal(SignOn("AT-VISITOR"), Decide(awaiting.State, new VisitorTokensObtained(new Secret("AT-VISITOR"))));
    }

    [Fact]
    public void Sign_on_is_followed_by_the_grant_for_the_member_it_named_with_the_same_token_and_key()
    {
        Assert.Equal(ExternalLoginDecision.Calling(new Granting(Jane),
                new ExternalLoginCall.GrantTokens(new MemberAuthRequest.ExternalLoginWithSession(new Secret("AT-1"), ApiKey, MemberId, new Secret("SESSION-1")))),
            Decide(new SigningOn(new Secret("AT-1"), ApiKey), new SignedOn(new SignOnReply(new Secret("SESSION-1"), Jane))));
    }

    [Fact]
    public void The_granted_tokens_are_a_members_and_become_the_sessions_through_the_session_flow()
    {
        var granted = Decide(new Granting(Jane), new TokensGranted(new TokenResponse(new Secret("AT-G"), Some(new Secret("RT-G")), 3_600), T0));

        var member = new Tokens(new AccessToken(new Secret("AT-G"), T0.AddSeconds(3_600)), new RefreshToken(new Secret("RT-G"), TokenRole.Member));
        Assert.Equal(ExternalLoginDecision.To(new Granted(new LoginEvent.TokensSet(member), Jane)), granted);
        Assert.Equal(Right<MemberAuthError, Granted>(new Granted(new LoginEvent.TokensSet(member), Jane)), ExternalLoginFlow.Outcome(granted.State));
    }

    [Fact]
    public void A_refused_call_ends_the_login_with_its_reason()
    {
        var forbidden = IdentityFailure.Of(new WixError("unauthorized_client", None, 403, None));
        var unreachable = WixError.Of(WixError.NetworkError);
        Assert.Equal(ExternalLoginDecision.To(new Failed(new MemberAuthError.PermissionDenied())), Decide(new Granting(Jane), new GrantFailed(forbidden)));
        Assert.Equal(ExternalLoginDecision.To(new Failed(new MemberAuthError.PermissionDenied())),
            Decide(new SigningOn(new Secret("AT-1"), ApiKey), new SignOnFailed(IdentityFailure.Of(new WixError("PERMISSION_DENIED", None, 400, None)))));
        Assert.Equal(ExternalLoginDecision.To(new Failed(new MemberAuthError.RemoteCallFailed(unreachable))), Decide(new AwaitingVisitorTokens(ByEmail), new VisitorTokensFailed(unreachable)));
        Assert.Equal(Left<MemberAuthError, Granted>(new MemberAuthError.PermissionDenied()), ExternalLoginFlow.Outcome(new Failed(new MemberAuthError.PermissionDenied())));
    }

    [Fact]
    public void A_request_that_would_break_is_refused_before_any_token_is_renewed_or_sent()
    {
        Assert.Equal(new MemberAuthError.InvalidField("apiKey", "FORMAT"), Reject(ExternalLoginFlow.Initial, new LoginRequested(ById with { ApiKey = new Secret("a,b") }, MemberSession, Stale)));
        Assert.Equal(new MemberAuthError.InvalidField("memberId", "FORMAT"), Reject(ExternalLoginFlow.Initial, new LoginRequested(ById with { MemberId = " " }, MemberSession, Stale)));
        Assert.Equal(new MemberAuthError.InvalidField("apiKey", "FORMAT"), Reject(ExternalLoginFlow.Initial, new LoginRequested(ByEmail with { ApiKey = new Secret("") }, LoginState.Initial, T0)));
        Assert.Equal(new MemberAuthError.InvalidEmail(), Reject(ExternalLoginFlow.Initial, new LoginRequested(ByEmail with { Email = "jane@example" }, LoginState.Initial, T0)));
    }

    [Fact]
    public void Answers_to_calls_nobody_made_are_rejected_by_name()
    {
        Assert.Equal(new MemberAuthError.UnexpectedEvent("Idle", "TokensGranted"), Reject(ExternalLoginFlow.Initial, new TokensGranted(new TokenResponse(new Secret("A"), None, 1), T0)));
        Assert.Equal(new MemberAuthError.UnexpectedEvent("Granting", "SignedOn"), Reject(new Granting(Jane), new SignedOn(new SignOnReply(new Secret("S"), Jane))));
        Assert.Equal(new MemberAuthError.UnexpectedEvent("RenewingToken", "VisitorTokensObtained"), Reject(new RenewingToken(ById), new VisitorTokensObtained(new Secret("A"))));
        Assert.Equal(new MemberAuthError.UnexpectedEvent("SigningOn", "outcome"), ExternalLoginFlow.Outcome(new SigningOn(new Secret("A"), ApiKey)).Match(_ => null!, e => e));
    }

    [Fact]
    public void Printing_states_and_calls_never_shows_the_key_or_a_token()
    {
        var printed = string.Join("", Decide(ExternalLoginFlow.Initial, new LoginRequested(ByEmail, MemberSession, T0)), new RenewingToken(ById),
            Decide(new SigningOn(new Secret("AT-HELD"), ApiKey), new SignedOn(new SignOnReply(new Secret("SESSION-1"), Jane))));
        foreach (var secret in new[] { "IST.key-1", "AT-HELD", "SESSION-1" })
            Assert.DoesNotContain(secret, printed);
    }
}

using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Members.ExternalLoginEvent;
using static Wix.Auth.Core.Members.ExternalLoginState;

namespace Wix.Auth.Core.Members;

/// <summary>
/// External login for trusted back ends as one total, pure transition: the request is checked before anything is sent;
/// the calls carry a fresh access token of the session (the held one outside the refresh margin, else renewed first), or
/// none where none is needed; Wix's grant is a member's tokens, and the decision ends with the session flow's event that
/// makes them the session's (<see cref="LoginEvent.TokensSet"/>). A rejection leaves the state as it was and asks for nothing.
/// </summary>
public static class ExternalLoginFlow
{
    /// <summary>The initial state.</summary>
    public static readonly ExternalLoginState Initial = new Idle();

    /// <summary>The next state and the call to make, or why the event is refused. The first matching line wins.</summary>
    public static Either<MemberAuthError, ExternalLoginDecision> Transition(FlowSettings settings, ExternalLoginState state, ExternalLoginEvent @event) =>
        (state, @event) switch
        {
            (Idle, LoginRequested r) => Checked(r.Request).Bind(request => Begin(settings, request, r.Session, r.Now)),
            (RenewingToken r, TokenRenewed t) => Send(r.Request, Some(t.AccessToken)),
            (RenewingToken r, TokenRenewalFailed) => Send(r.Request, None),
            (AwaitingVisitorTokens a, VisitorTokensObtained v) => Send(a.Request, Some(v.AccessToken)),
            (AwaitingVisitorTokens, VisitorTokensFailed f) => ExternalLoginDecision.To(new Failed(new MemberAuthError.RemoteCallFailed(f.Error))),

            (SigningOn s, SignedOn o) => ExternalLoginDecision.Calling(new Granting(o.Reply.Identity),
                new ExternalLoginCall.GrantTokens(ExternalLogin.GrantWithSession(s.AccessToken, s.ApiKey, o.Reply))),
            (SigningOn, SignOnFailed f) => ExternalLoginDecision.To(new Failed(ExternalLogin.FromFailure(f.Failure))),
            (Granting g, TokensGranted t) => ExternalLoginDecision.To(new Granted(new LoginEvent.TokensSet(t.Response.ToTokens(t.Now, TokenRole.Member)), g.Member)),
            (Granting, GrantFailed f) => ExternalLoginDecision.To(new Failed(ExternalLogin.FromFailure(f.Failure))),

            _ => new MemberAuthError.UnexpectedEvent(state.GetType().Name, @event.GetType().Name),
        };

    /// <summary>What a finished external login came to: the session flow's event and the member, or why it failed.</summary>
    public static Either<MemberAuthError, Granted> Outcome(ExternalLoginState state) => state switch
    {
        Granted granted => granted,
        Failed failed => failed.Reason,
        _ => new MemberAuthError.UnexpectedEvent(state.GetType().Name, "outcome"),
    };

    /// <summary>
    /// The calls carry the session's access token while it is outside the refresh margin; a stale one is renewed first
    /// (a member's by refresh, a visitor's by new visitor tokens), so Wix never gets an expired token with the API key.
    /// </summary>
    private static Either<MemberAuthError, ExternalLoginDecision> Begin(FlowSettings settings, ExternalLoginRequest request, LoginState session, DateTimeOffset now) =>
        LoginQueries.FreshAccessToken(settings, session, now).Case is Secret fresh ? Send(request, Some(fresh))
        : LoginQueries.TokensOf(session).IsSome ? ExternalLoginDecision.Calling(new RenewingToken(request), new ExternalLoginCall.RenewSessionTokens())
        : Send(request, None);

    /// <summary>
    /// The first call to Wix, with <paramref name="token"/> when there is one. Without a token (the session has none, or it
    /// could not be renewed) the grant by member ID goes without (<c>",&lt;API key&gt;"</c>, as the SDK sends it), and Sign On,
    /// which needs one, waits for a visitor's.
    /// </summary>
    private static Either<MemberAuthError, ExternalLoginDecision> Send(ExternalLoginRequest request, Option<Secret> token) => (request, token.Case) switch
    {
        (ExternalLoginRequest.ByMemberId m, _) => ExternalLoginDecision.Calling(new Granting(new MemberIdentity(m.MemberId, null, null, null)),
            new ExternalLoginCall.GrantTokens(new MemberAuthRequest.ExternalLogin(token, m.ApiKey, m.MemberId))),
        (ExternalLoginRequest.WithSignOn s, Secret t) => ExternalLoginDecision.Calling(new SigningOn(t, s.ApiKey),
            new ExternalLoginCall.SignOn(new MemberAuthRequest.SignOn(t, s.ApiKey, s.Email, s.Profile, s.VerifyEmail, s.MergeExistingContact))),
        (ExternalLoginRequest.WithSignOn s, _) => ExternalLoginDecision.Calling(new AwaitingVisitorTokens(s), new ExternalLoginCall.ObtainVisitorTokens()),
        _ => new MemberAuthError.UnexpectedEvent(nameof(Idle), request.GetType().Name),
    };

    /// <summary>The request with its key, member ID or email checked (and trimmed) before anything is sent.</summary>
    private static Either<MemberAuthError, ExternalLoginRequest> Checked(ExternalLoginRequest request) => request switch
    {
        ExternalLoginRequest.ByMemberId m => ExternalLogin.Grant(None, m.ApiKey, m.MemberId).Map(g => (ExternalLoginRequest)(m with { MemberId = g.MemberId })),
        ExternalLoginRequest.WithSignOn s => ExternalLogin.CheckedKey(s.ApiKey).Bind(_ => MemberFormFlow.CheckedEmail(s.Email))
            .Map(email => (ExternalLoginRequest)(s with { Email = email })),
        _ => new MemberAuthError.UnexpectedEvent(request.GetType().Name, nameof(LoginRequested)),
    };
}

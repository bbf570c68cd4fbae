using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Members;

/// <summary>What a trusted back end asks of external login; the API key vouches for the member.</summary>
public abstract record ExternalLoginRequest
{
    private ExternalLoginRequest() { }

    /// <summary>Tokens for the member <paramref name="MemberId"/> (<c>getMemberTokensForExternalLogin</c>).</summary>
    public sealed record ByMemberId(Secret ApiKey, string MemberId) : ExternalLoginRequest;

    /// <summary>
    /// Sign On for the member with <paramref name="Email"/> (created with <paramref name="Profile"/> when Wix does not know
    /// them), then tokens for the member it named (<c>getMemberTokensForExternalLoginWithSession</c>).
    /// </summary>
    public sealed record WithSignOn(Secret ApiKey, string Email, Option<MemberProfile> Profile, Option<bool> VerifyEmail, Option<bool> MergeExistingContact)
        : ExternalLoginRequest;
}

/// <summary>Where one external login stands. Closed; the transition is <see cref="ExternalLoginFlow.Transition"/>.</summary>
public abstract record ExternalLoginState
{
    private ExternalLoginState() { }

    /// <summary>Nothing asked yet.</summary>
    public sealed record Idle : ExternalLoginState;

    /// <summary>The session's token is stale and is being renewed before it goes to Wix with the API key.</summary>
    public sealed record RenewingToken(ExternalLoginRequest Request) : ExternalLoginState;

    /// <summary>Sign On needs an access token and the session has none it can use: a visitor's is on its way.</summary>
    public sealed record AwaitingVisitorTokens(ExternalLoginRequest.WithSignOn Request) : ExternalLoginState;

    /// <summary>Sign On is out; its grant goes with the same token and key.</summary>
    public sealed record SigningOn(Secret AccessToken, Secret ApiKey) : ExternalLoginState;

    /// <summary>The grant for <paramref name="Member"/> is out.</summary>
    public sealed record Granting(MemberIdentity Member) : ExternalLoginState;

    /// <summary>
    /// Wix granted the member's tokens: <paramref name="Session"/> is the session flow's event that makes them the
    /// session's (<see cref="LoginFlow.Transition"/>), for <paramref name="Member"/>.
    /// </summary>
    public sealed record Granted(LoginEvent.TokensSet Session, MemberIdentity Member) : ExternalLoginState;

    /// <summary>The external login ended without tokens.</summary>
    public sealed record Failed(MemberAuthError Reason) : ExternalLoginState;
}

/// <summary>What happened: the back end's request, or the answer to the call made.</summary>
public abstract record ExternalLoginEvent
{
    private ExternalLoginEvent() { }

    /// <summary>
    /// The back end asked for <paramref name="Request"/> in a session that stands at <paramref name="Session"/> at
    /// <paramref name="Now"/>: its tokens decide which access token the calls carry.
    /// </summary>
    public sealed record LoginRequested(ExternalLoginRequest Request, LoginState Session, DateTimeOffset Now) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.RenewSessionTokens"/>: the session's renewed access token.</summary>
    public sealed record TokenRenewed(Secret AccessToken) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.RenewSessionTokens"/>: the session's tokens could not be renewed.</summary>
    public sealed record TokenRenewalFailed(WixError Error) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.ObtainVisitorTokens"/>: the session's new visitor access token.</summary>
    public sealed record VisitorTokensObtained(Secret AccessToken) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.ObtainVisitorTokens"/>: no visitor tokens.</summary>
    public sealed record VisitorTokensFailed(WixError Error) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.SignOn"/>: Wix's session token for the member it named.</summary>
    public sealed record SignedOn(SignOnReply Reply) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.SignOn"/>: Wix refused, or could not be reached.</summary>
    public sealed record SignOnFailed(IdentityFailure Failure) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.GrantTokens"/>: Wix granted tokens, at <paramref name="Now"/>.</summary>
    public sealed record TokensGranted(TokenResponse Response, DateTimeOffset Now) : ExternalLoginEvent;

    /// <summary>Answer to <see cref="ExternalLoginCall.GrantTokens"/>: Wix refused, or could not be reached.</summary>
    public sealed record GrantFailed(IdentityFailure Failure) : ExternalLoginEvent;
}

/// <summary>The calls of external login; each is answered by exactly one of its own answer events.</summary>
public abstract record ExternalLoginCall
{
    private ExternalLoginCall() { }

    /// <summary>
    /// Renew the session's tokens through the session's own flow (<see cref="LoginEvent.RefreshRequested"/>: a member's by
    /// refresh, a visitor's by new visitor tokens); answered by <see cref="ExternalLoginEvent.TokenRenewed"/> or
    /// <see cref="ExternalLoginEvent.TokenRenewalFailed"/>.
    /// </summary>
    public sealed record RenewSessionTokens : ExternalLoginCall;

    /// <summary>
    /// Get the session visitor tokens through its own flow (<see cref="LoginEvent.VisitorTokensRequested"/>); answered by
    /// <see cref="ExternalLoginEvent.VisitorTokensObtained"/> or <see cref="ExternalLoginEvent.VisitorTokensFailed"/>.
    /// </summary>
    public sealed record ObtainVisitorTokens : ExternalLoginCall;

    /// <summary>Sign On; answered by <see cref="ExternalLoginEvent.SignedOn"/> or <see cref="ExternalLoginEvent.SignOnFailed"/>.</summary>
    public sealed record SignOn(MemberAuthRequest.SignOn Request) : ExternalLoginCall;

    /// <summary>The <c>authorized_client</c> grant; answered by <see cref="ExternalLoginEvent.TokensGranted"/> or <see cref="ExternalLoginEvent.GrantFailed"/>.</summary>
    public sealed record GrantTokens(MemberAuthRequest Request) : ExternalLoginCall;
}

/// <summary>The next state and at most one call to make (the type allows no more).</summary>
public sealed record ExternalLoginDecision(ExternalLoginState State, Option<ExternalLoginCall> Call)
{
    /// <summary>Moves to <paramref name="state"/>; nothing to wait for.</summary>
    public static ExternalLoginDecision To(ExternalLoginState state) => new(state, Option<ExternalLoginCall>.None);

    /// <summary>Moves to <paramref name="state"/> and waits for the answer to <paramref name="call"/>.</summary>
    public static ExternalLoginDecision Calling(ExternalLoginState state, ExternalLoginCall call) => new(state, Prelude.Some(call));
}

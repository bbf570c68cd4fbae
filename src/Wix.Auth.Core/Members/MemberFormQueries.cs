using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Members;

/// <summary>
/// The questions hosts of the site's own forms ask between requests, answered by the protocol's rules: where a visitor
/// stands given the verification they kept, whether it is still good, and which login event a finished form becomes.
/// </summary>
public static class MemberFormQueries
{
    /// <summary>The state a visitor resumes from: their kept verification, or nothing waiting.</summary>
    public static MemberFormState Resume(Option<PendingVerification> kept) =>
        kept.Match<MemberFormState>(v => new MemberFormState.VerificationRequired(v), () => MemberFormFlow.Initial);

    /// <summary>
    /// Whether a verification issued at <paramref name="issuedAt"/> is still good at <paramref name="now"/>: for at most
    /// <see cref="MemberFormSettings.VerificationTtl"/>, whatever the lifetime of the copy the host kept;
    /// <see cref="MemberAuthError.Expired"/> after that.
    /// </summary>
    public static Either<MemberAuthError, Unit> CheckVerificationAge(MemberFormSettings settings, DateTimeOffset issuedAt, DateTimeOffset now) =>
        now - issuedAt > settings.VerificationTtl ? Left<MemberAuthError, Unit>(new MemberAuthError.Expired()) : Right<MemberAuthError, Unit>(unit);

    /// <summary>
    /// The login-flow event a logged-in form becomes: a session-token login (<c>prompt=none</c>), carrying the member the
    /// form named (so their identity is never asked of Wix again), with
    /// <paramref name="oauthData"/>, whose original URI the host made from the step's <see cref="MemberAuthStep.LoggedIn.ReturnTo"/>.
    /// </summary>
    public static LoginEvent.LoginRequested LoginRequestOf(MemberAuthStep.LoggedIn loggedIn, OAuthData oauthData, ResponseMode responseMode, DateTimeOffset now) =>
        new(oauthData, Prompt.None, responseMode, now) { Method = new LoginMethod.WithSessionToken(loggedIn.SessionToken) { Member = Optional(loggedIn.Member) } };
}

using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Urls;
using Wix.Auth.Effects.Logging;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// The site's own login and sign-up forms, email verification and password reset — <c>@wix/sdk</c>'s <c>login</c>,
/// <c>register</c>, <c>processVerification</c> and <c>sendPasswordResetEmail</c> — on any host, server included.
/// Each call runs <see cref="MemberFormFlow"/>: the core decides, this class only sends what it asks for, with the
/// session's access token (a visitor's, obtained first when the session has none).
/// Every outcome is a value: a <see cref="MemberAuthStep"/> or a <see cref="MemberAuthError"/> with a stable code.
/// </summary>
/// <remarks>
/// Unlike the SDK, nothing is kept between calls: a verification is continued by handing back the
/// <see cref="MemberAuthStep.EmailVerificationRequired"/> that asked for it, so a host stores it where it stores
/// the rest of the visitor's session, and two visitors can never share a state token.
/// </remarks>
public sealed class MemberAuthClient(WixAuthClient session, IMemberAuthApi api, WixAuthOptions options, ILogger<MemberAuthClient> logger)
{
    /// <summary><c>login</c>: email and password (and captcha tokens when the page shows a captcha).</summary>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> LoginAsync(
        string email, string password, CaptchaTokens? captcha = null, CancellationToken cancellationToken = default) =>
        (await StepAsync(MemberFormFlow.Initial,
            token => new MemberFormEvent.LoginSubmitted(token, email, new Secret(password), Optional(captcha)), cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary><c>register</c>: a new member, with an optional profile.</summary>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> RegisterAsync(
        string email, string password, MemberProfile? profile = null, CaptchaTokens? captcha = null, CancellationToken cancellationToken = default) =>
        (await StepAsync(MemberFormFlow.Initial,
            token => new MemberFormEvent.RegistrationSubmitted(token, email, new Secret(password), Optional(profile), Optional(captcha)), cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary><c>processVerification</c>: the code from the mail, for the verification <paramref name="pending"/> asked for.</summary>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> ProcessVerificationAsync(
        MemberAuthStep.EmailVerificationRequired pending, string code, CancellationToken cancellationToken = default) =>
        (await StepAsync(new MemberFormState.VerificationRequired(pending.StateToken, pending.Member),
            token => new MemberFormEvent.CodeSubmitted(token, new Secret(code)), cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>
    /// <c>sendPasswordResetEmail</c>: the mail's link leads to <paramref name="redirectUrl"/>, which must be an absolute
    /// URL on the origin of <paramref name="siteRedirectUri"/> (the site's own redirect URI, when given) or on one of
    /// <see cref="WixAuthOptions.AllowedRedirectOrigins"/> (the one return-URL policy of the core).
    /// A success (always <c>true</c>) means Wix accepted to send the mail.
    /// </summary>
    public async Task<AuthResult<bool, MemberAuthError>> SendPasswordResetEmailAsync(
        string email, string redirectUrl, string? siteRedirectUri = null, CancellationToken cancellationToken = default)
    {
        var allowed = ReturnUrl.Check(redirectUrl, Optional(siteRedirectUri), toSeq(options.AllowedRedirectOrigins))
            .Bind(url => url.StartsWith('/') ? Left<AuthError, string>(new AuthError.InvalidReturnUrl()) : Right<AuthError, string>(url));
        if (allowed.Case is AuthError refused) return AuthResult<bool, MemberAuthError>.Failure(new MemberAuthError.InvalidField("redirectUrl", refused.Code));
        var outcome = await RunAsync(MemberFormFlow.Initial,
            token => new MemberFormEvent.ResetMailRequested(token, email, (string)allowed.Case!, options.ClientId), cancellationToken).ConfigureAwait(false);
        return outcome.Bind(MemberFormFlow.MailOutcome).Map(static _ => true).ToResult();
    }

    /// <summary>A new password, with the recovery token from the reset mail's link.</summary>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> RecoverAsync(
        string recoveryToken, string newPassword, CancellationToken cancellationToken = default) =>
        (await StepAsync(MemberFormFlow.Initial,
            token => new MemberFormEvent.NewPasswordSubmitted(token, new Secret(recoveryToken), new Secret(newPassword)), cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>
    /// Who the member of <paramref name="tokens"/> is (their member ID), asked of Wix's token info: after a login on Wix's
    /// own page or by a social provider, nothing else says. A visitor's or an inactive token is <see cref="MemberAuthError.Expired"/>.
    /// </summary>
    public async Task<AuthResult<MemberIdentity, MemberAuthError>> GetMemberIdentityAsync(
        Core.Credentials.Tokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var info = await api.GetTokenInfoAsync(new MemberAuthRequest.TokenInfo(tokens.AccessToken.Value), cancellationToken).ConfigureAwait(false);
        if (!info.TryGetValue(out var reply, out var failure)) return new MemberAuthError.RemoteCallFailed(failure.Error);
        return reply.Member.Case is MemberIdentity member ? member : new MemberAuthError.Expired();
    }

    private async Task<Either<MemberAuthError, MemberAuthStep>> StepAsync(
        MemberFormState from, Func<Secret, MemberFormEvent> submit, CancellationToken cancellationToken) =>
        (await RunAsync(from, submit, cancellationToken).ConfigureAwait(false)).Bind(MemberFormFlow.Outcome);

    /// <summary>One submission: the decision, its call (at most one), the answer fed back; the state it ends in.</summary>
    private async Task<Either<MemberAuthError, MemberFormState>> RunAsync(
        MemberFormState from, Func<Secret, MemberFormEvent> submit, CancellationToken cancellationToken)
    {
        var token = await session.AccessTokenForIdentityCallAsync(cancellationToken).ConfigureAwait(false);
        if (token.Case is MemberAuthError noToken) return noToken;
        var decided = MemberFormFlow.Transition(from, submit((Secret)token.Case!));
        if (decided.Case is not MemberFormDecision decision) return (MemberAuthError)decided.Case!;
        if (decision.Call.Case is not MemberFormCall call) return decision.State;
        var answer = await AnswerAsync(call, cancellationToken).ConfigureAwait(false);
        var next = MemberFormFlow.Transition(decision.State, answer);
        next.IfLeft(e => MemberLog.AnswerRefused(logger, answer.GetType().Name, e.Code));
        return next.Map(d => d.State);
    }

    private async Task<MemberFormEvent> AnswerAsync(MemberFormCall call, CancellationToken cancellationToken) => call switch
    {
        MemberFormCall.SendForState s => (await api.SendForStateAsync(s.Request, cancellationToken).ConfigureAwait(false)).Match<MemberFormEvent>(
            reply => new MemberFormEvent.StateAnswered(reply), failure => new MemberFormEvent.CallRefused(failure)),
        MemberFormCall.SendResetMail m => (await api.SendRecoveryEmailAsync(m.Request, cancellationToken).ConfigureAwait(false)).Match<MemberFormEvent>(
            _ => new MemberFormEvent.ResetMailAccepted(), failure => new MemberFormEvent.CallRefused(failure)),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };
}

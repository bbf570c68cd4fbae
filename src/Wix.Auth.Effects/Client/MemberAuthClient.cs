using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Urls;
using Wix.Auth.Effects.Interpreter;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth;

/// <summary>
/// The site's own login and sign-up forms, email verification and password reset — <c>@wix/sdk</c>'s <c>login</c>,
/// <c>register</c>, <c>processVerification</c> and <c>sendPasswordResetEmail</c> — on any host, server included.
/// Each call runs <see cref="MemberFormFlow"/>: the core decides, this class only sends what it asks for, with the
/// session's access token (a visitor's, obtained first when the session has none), and keeps or deletes the visitor's
/// verification in the <see cref="IVerificationStore"/> as the core says.
/// Every outcome is a value: a <see cref="MemberAuthStep"/> or a <see cref="MemberAuthError"/> with a stable code.
/// </summary>
/// <remarks>
/// As in the SDK, a verification continues from what the last call kept; unlike the SDK, it is kept where the host keeps
/// the visitor's login in progress (a protected cookie, the tab's storage, memory), so two visitors never share one.
/// A login answers a wrong password and an unknown address alike (<c>wrong_credentials</c>).
/// </remarks>
public sealed class MemberAuthClient
{
    private readonly WixAuthClient session;
    private readonly WixAuthOptions options;
    private readonly IMemberAuthApi api;
    private readonly IVerificationStore verifications;
    private readonly FormInterpreter interpreter;
    private readonly TimeProvider time;
    private readonly IEntropySource entropy;

    /// <summary>
    /// Forms for the session of <paramref name="session"/>, with its options, and its verification kept in
    /// <paramref name="verifications"/>. Every other port has a default, as <see cref="WixAuthClient"/>'s do: Wix over the
    /// session's connection, the session's clock, the operating system's random source; name the ones to replace.
    /// </summary>
    /// <param name="session">The session whose access token the calls carry, and whose tokens a login sets.</param>
    /// <param name="verifications">Where a verification waiting for a mailed code is kept. Default: this instance's memory, for one user.</param>
    /// <param name="api">Wix's identity endpoints. Default: the session's.</param>
    /// <param name="logger">Where an outage is logged at Warning. Default: nowhere.</param>
    /// <param name="time">The clock. Default: the session's.</param>
    /// <param name="entropy">The random source of a decoy verification. Default: the operating system's.</param>
    /// <example><c>var forms = new MemberAuthClient(client);</c></example>
    public MemberAuthClient(WixAuthClient session, IVerificationStore? verifications = null, IMemberAuthApi? api = null,
        ILogger<MemberAuthClient>? logger = null, TimeProvider? time = null, IEntropySource? entropy = null)
        : this(session ?? throw new ArgumentNullException(nameof(session)), api ?? session.MemberAuth, session.Options,
            logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, verifications, time ?? session.Time, entropy, null)
    {
    }

    internal MemberAuthClient(WixAuthClient session, IMemberAuthApi api, WixAuthOptions options, ILogger logger,
        IVerificationStore? verifications, TimeProvider? time, IEntropySource? entropy, MemberFormSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        (this.session, this.api, this.options) = (session, api, options);
        this.verifications = verifications ?? new InMemoryVerificationStore();
        this.time = time ?? TimeProvider.System;
        this.entropy = entropy ?? new CryptographicEntropy();
        interpreter = new FormInterpreter(settings ?? options.ToMemberFormSettings(), api, this.verifications, logger);
    }

    /// <summary><c>login</c>: email and password (and captcha tokens when the page shows a captcha).</summary>
    /// <param name="email">The member's address.</param>
    /// <param name="password">Their password.</param>
    /// <param name="captcha">The captcha's tokens, when Wix asked for one (<c>captcha_required</c>).</param>
    /// <param name="returnUrl">Where the member goes once logged in; the step's <see cref="MemberAuthStep.LoggedIn.ReturnTo"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> LoginAsync(
        string email, string password, CaptchaTokens? captcha = null, string? returnUrl = null, CancellationToken cancellationToken = default) =>
        (await StepAsync((token, now) => new MemberFormEvent.LoginSubmitted(token, email ?? "", new Secret(password ?? ""), Optional(captcha), now)
            { ReturnTo = Optional(returnUrl) }, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary><c>register</c>: a new member, with an optional profile.</summary>
    /// <param name="email">The new member's address.</param>
    /// <param name="password">Their password.</param>
    /// <param name="profile">Their name, when the form asks for it.</param>
    /// <param name="captcha">The captcha's tokens, when Wix asked for one.</param>
    /// <param name="returnUrl">Where the member goes once signed up and verified.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> RegisterAsync(
        string email, string password, MemberProfile? profile = null, CaptchaTokens? captcha = null, string? returnUrl = null,
        CancellationToken cancellationToken = default) =>
        (await StepAsync((token, now) => new MemberFormEvent.RegistrationSubmitted(token, email ?? "", new Secret(password ?? ""), Optional(profile),
            Optional(captcha), DecoyToken(), now) { ReturnTo = Optional(returnUrl) }, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>
    /// <c>processVerification</c>: the code from the mail, for the verification the last login or sign-up kept. A wrong code
    /// may be tried again (<see cref="MemberFormSettings.MaxCodeAttempts"/> in all); any other answer ends the verification.
    /// </summary>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> ProcessVerificationAsync(string code, CancellationToken cancellationToken = default) =>
        (await StepAsync((token, now) => new MemberFormEvent.CodeSubmitted(token, new Secret(code ?? ""), now), cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>
    /// True while a verification waits for its code in this visitor's store: after a login or sign-up that mailed one, and
    /// after a wrong code the forms let the visitor correct. A page shows its code form while this holds.
    /// </summary>
    public async ValueTask<bool> IsVerificationPendingAsync(CancellationToken cancellationToken = default) =>
        await verifications.ReadAsync(cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// <c>sendPasswordResetEmail</c>: the mail's link leads to <paramref name="redirectUrl"/>, which must be an absolute
    /// URL on the origin of <paramref name="siteRedirectUri"/> (the site's own redirect URI, when given) or on one of
    /// <see cref="WixAuthOptions.AllowedRedirectOrigins"/> (the one return-URL policy of the core).
    /// A success means the visitor may be told the mail is on its way: also for an address that is no member's, so the form
    /// does not tell who is one.
    /// </summary>
    /// <param name="email">The address the visitor typed.</param>
    /// <param name="redirectUrl">Where the mail's link leads: the site's page that asks for the new password.</param>
    /// <param name="siteRedirectUri">The site's redirect URI. Default: <see cref="WixAuthOptions.RedirectUri"/>.</param>
    /// <param name="cancellationToken">Cancels the calls to Wix.</param>
    public async Task<AuthResult<PasswordResetRequested, MemberAuthError>> SendPasswordResetEmailAsync(
        string email, string redirectUrl, string? siteRedirectUri = null, CancellationToken cancellationToken = default)
    {
        var allowed = ReturnUrl.Check(redirectUrl, Optional(siteRedirectUri ?? options.RedirectUri), toSeq(options.AllowedRedirectOrigins))
            .Bind(url => url.StartsWith('/') ? Left<AuthError, string>(new AuthError.InvalidReturnUrl()) : Right<AuthError, string>(url));
        if (allowed.Case is AuthError refused) return new MemberAuthError.InvalidField("redirectUrl", refused.Code);
        var outcome = await RunAsync((token, _) => new MemberFormEvent.ResetMailRequested(token, email ?? "", (string)allowed.Case!, options.ClientId),
            cancellationToken).ConfigureAwait(false);
        return outcome.Bind(MemberFormFlow.MailOutcome).Map(_ => new PasswordResetRequested(email ?? "", (string)allowed.Case!)).ToResult();
    }

    /// <summary>A new password, with the recovery token from the reset mail's link.</summary>
    public async Task<AuthResult<MemberAuthStep, MemberAuthError>> RecoverAsync(
        string recoveryToken, string newPassword, CancellationToken cancellationToken = default) =>
        (await StepAsync((token, now) => new MemberFormEvent.NewPasswordSubmitted(token, new Secret(recoveryToken ?? ""), new Secret(newPassword ?? ""), now),
            cancellationToken).ConfigureAwait(false)).ToResult();

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
        Func<Secret, DateTimeOffset, MemberFormEvent> submit, CancellationToken cancellationToken) =>
        (await RunAsync(submit, cancellationToken).ConfigureAwait(false)).Bind(MemberFormFlow.Outcome);

    private async Task<Either<MemberAuthError, MemberFormState>> RunAsync(
        Func<Secret, DateTimeOffset, MemberFormEvent> submit, CancellationToken cancellationToken)
    {
        var token = await session.AccessTokenForIdentityCallAsync(cancellationToken).ConfigureAwait(false);
        if (token.Case is MemberAuthError noToken) return noToken;
        return await interpreter.RunAsync(submit((Secret)token.Case!, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    // The state token of a decoy verification: as random as Wix's, and never sent unless the sign-up must be hidden.
    private Secret DecoyToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        entropy.Fill(bytes);
        return new Secret(Base64Url.Encode(bytes));
    }
}

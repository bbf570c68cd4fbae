using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Protocol;

/// <summary>
/// One HTTP request of member authentication beyond the Wix login page, described exactly as <c>@wix/sdk</c>
/// 1.21.16 sends it: the path, what goes in <c>Authorization</c>, and the body's fields in wire order. Like
/// <see cref="WixRequest"/>, every one is a JSON <c>POST</c>; the effects layer only serializes these, and repeats a
/// failed one only as far as its <see cref="Repeat"/> allows.
/// </summary>
public abstract record MemberAuthRequest
{
    private MemberAuthRequest(string path, MemberAuthorization authorization, RepeatPolicy repeat) =>
        (Path, Authorization, Repeat) = (path, authorization, repeat);

    /// <summary>The path below the API base URL.</summary>
    public string Path { get; }

    /// <summary>What goes in <c>Authorization</c>.</summary>
    public MemberAuthorization Authorization { get; }

    /// <summary>Whether the request may be sent again after a failed attempt, and why.</summary>
    public RepeatPolicy Repeat { get; }

    /// <summary>
    /// Login V2: <c>{"loginId":{"email"},"password","captchaTokens"?}</c>, with the visitor's token. Repeated only when
    /// it never reached Wix: a password attempt counts.
    /// </summary>
    public sealed record Login(Secret AccessToken, string Email, Secret Password, Option<CaptchaTokens> Captcha)
        : MemberAuthRequest(MemberAuthPaths.Login, new MemberAuthorization.Token(AccessToken), new RepeatPolicy.OnlyIfNeverSent(
            "A password attempt Wix has seen counts against its limits on wrong passwords, and a repeat would count it twice."));

    /// <summary>
    /// Register V2: <c>{"loginId":{"email"},"password","profile"?,"captchaTokens"?}</c>, with the visitor's token.
    /// Repeated only when it never reached Wix: it creates the member.
    /// </summary>
    public sealed record Register(Secret AccessToken, string Email, Secret Password, Option<MemberProfile> Profile, Option<CaptchaTokens> Captcha)
        : MemberAuthRequest(MemberAuthPaths.Register, new MemberAuthorization.Token(AccessToken), new RepeatPolicy.OnlyIfNeverSent(
            "It creates the member and mails a code: a repeat of a registration Wix has seen is refused as an existing email, "
            + "and the answer of the first (its state token) is lost."));

    /// <summary>
    /// The emailed code: <c>{"code","stateToken"}</c>, with the visitor's token. Repeated only when it never reached
    /// Wix: a code attempt counts.
    /// </summary>
    public sealed record Verify(Secret AccessToken, Secret Code, Secret StateToken)
        : MemberAuthRequest(MemberAuthPaths.Verify, new MemberAuthorization.Token(AccessToken), new RepeatPolicy.OnlyIfNeverSent(
            "A code attempt Wix has seen counts against the few wrong codes a verification allows, and a code that worked is spent."));

    /// <summary>
    /// Password-reset mail: <c>{"email","redirect":{"url","clientId"}}</c>, with the visitor's token. Repeated only when
    /// it never reached Wix: it sends a mail.
    /// </summary>
    public sealed record SendRecoveryEmail(Secret AccessToken, string Email, string RedirectUrl, string ClientId)
        : MemberAuthRequest(MemberAuthPaths.SendRecoveryEmail, new MemberAuthorization.Token(AccessToken), new RepeatPolicy.OnlyIfNeverSent(
            "Each request Wix has seen mails the member a reset link, so a repeat would mail twice."));

    /// <summary>
    /// A new password with the mailed token: <c>{"recoveryToken","password"}</c>. Repeated only when it never reached
    /// Wix: the recovery token is single-use.
    /// </summary>
    public sealed record Recover(Secret AccessToken, Secret RecoveryToken, Secret Password)
        : MemberAuthRequest(MemberAuthPaths.Recover, new MemberAuthorization.Token(AccessToken), new RepeatPolicy.OnlyIfNeverSent(
            "The recovery token is single-use: a repeat of a request Wix has seen is refused, and the first one's answer is lost."));

    /// <summary>
    /// Sign On: <c>{"loginId":{"email"},"profile"?,"verifyEmail"?,"mergeExistingContact"?}</c>, with
    /// <c>"&lt;visitor token&gt;,&lt;API key&gt;"</c>. Repeated only when it never reached Wix: it may create the member.
    /// </summary>
    public sealed record SignOn(Secret AccessToken, Secret ApiKey, string Email, Option<MemberProfile> Profile,
        Option<bool> VerifyEmail, Option<bool> MergeExistingContact)
        : MemberAuthRequest(MemberAuthPaths.SignOn, new MemberAuthorization.WithApiKey(Some(AccessToken), ApiKey), new RepeatPolicy.OnlyIfNeverSent(
            "It may create the member or merge a contact, and what a repeat of one Wix has seen does is unverified."));

    /// <summary>
    /// External login: <c>{"grant_type":"authorized_client","scope":"offline_access","member_id"}</c> (snake_case, no
    /// client ID) with <c>"&lt;held token&gt;,&lt;API key&gt;"</c>, or <c>",&lt;API key&gt;"</c> when no token is held.
    /// Repeated only when it never reached Wix: what a second grant does is unverified.
    /// </summary>
    public sealed record ExternalLogin(Option<Secret> HeldToken, Secret ApiKey, string MemberId)
        : MemberAuthRequest(WireNames.TokenPath, new MemberAuthorization.WithApiKey(HeldToken, ApiKey), new RepeatPolicy.OnlyIfNeverSent(
            "It logs a member in on the site's API key, and whether a repeat of one Wix has seen opens a second session "
            + "or counts against the key is unverified."))
    {
        /// <summary>The <c>grant_type</c>.</summary>
        public string GrantType => "authorized_client";

        /// <summary>The <c>scope</c>.</summary>
        public string Scope => "offline_access";
    }

    /// <summary>
    /// External login after Sign On: <c>{"grant_type":"authorized_client","member_id","session_token"}</c> (no scope)
    /// with <c>"&lt;visitor token&gt;,&lt;API key&gt;"</c>. Repeated only when it never reached Wix: the session token is
    /// single-use.
    /// </summary>
    public sealed record ExternalLoginWithSession(Secret AccessToken, Secret ApiKey, string MemberId, Secret SessionToken)
        : MemberAuthRequest(WireNames.TokenPath, new MemberAuthorization.WithApiKey(Some(AccessToken), ApiKey), new RepeatPolicy.OnlyIfNeverSent(
            "The session token is single-use: a repeat of a grant Wix has seen is refused (invalid_grant), and the first one's tokens are lost."))
    {
        /// <summary>The <c>grant_type</c>.</summary>
        public string GrantType => "authorized_client";
    }

    /// <summary>
    /// Token info: <c>{"token"}</c>, without <c>Authorization</c>; Wix answers who the token is for (for a member, the
    /// member ID), which is how a host learns whom a login on Wix's own page logged in. Safe to repeat: it only reads.
    /// </summary>
    public sealed record TokenInfo(Secret Token) : MemberAuthRequest(MemberAuthPaths.TokenInfo, MemberAuthorization.None.Instance,
        new RepeatPolicy.Safe("It only reads whom a token is for; asking twice changes nothing."));
}

/// <summary>What goes in <c>Authorization</c>: nothing, a bare access token, or an access token and an API key.</summary>
public abstract record MemberAuthorization
{
    private MemberAuthorization() { }

    /// <summary>The header's value; none when the request carries no header.</summary>
    public abstract Option<Secret> HeaderValue { get; }

    /// <summary>No <c>Authorization</c> header.</summary>
    public sealed record None : MemberAuthorization
    {
        /// <summary>The one instance.</summary>
        public static readonly None Instance = new();

        /// <inheritdoc />
        public override Option<Secret> HeaderValue => Option<Secret>.None;
    }

    /// <summary>The bare access token, no <c>Bearer </c>.</summary>
    public sealed record Token(Secret AccessToken) : MemberAuthorization
    {
        /// <inheritdoc />
        public override Option<Secret> HeaderValue => Some(AccessToken);
    }

    /// <summary><c>"&lt;token&gt;,&lt;API key&gt;"</c>, or <c>",&lt;API key&gt;"</c> without a token, as the SDK sends it.</summary>
    public sealed record WithApiKey(Option<Secret> AccessToken, Secret ApiKey) : MemberAuthorization
    {
        /// <inheritdoc />
        public override Option<Secret> HeaderValue =>
            Some(new Secret(AccessToken.Map(t => t.Reveal()).IfNone("") + "," + ApiKey.Reveal()));
    }
}

/// <summary>The identity provider of a social login, sent as <c>idp</c>.</summary>
/// <param name="Id">The ID Wix knows the provider or connection by.</param>
public sealed record IdentityProvider(string Id)
{
    /// <summary>Google, as <c>@wix/sdk</c> names it.</summary>
    public static readonly IdentityProvider Google = new("0e6a50f5-b523-4e29-990d-f37fa2ffdd69");

    /// <summary>Facebook, as <c>@wix/sdk</c> names it.</summary>
    public static readonly IdentityProvider Facebook = new("3ecad13f-52c3-483d-911f-31dbcf2a6d23");

    /// <summary>Another connection of the site, by its ID.</summary>
    public static IdentityProvider Connection(string connectionId) => new(connectionId);

    /// <summary>
    /// The provider a request names, when the site offers it: <paramref name="name"/> must be one of
    /// <paramref name="offered"/>, exactly; <c>google</c> and <c>facebook</c> are the SDK's names, anything else a connection
    /// ID of the site. A name from outside the list is the request's fault, never the site's: it reaches no one.
    /// </summary>
    public static Either<AuthError, IdentityProvider> Offered(string name, Seq<string> offered) =>
        !offered.Exists(o => string.Equals(o, name, StringComparison.Ordinal)) ? new AuthError.UnknownIdentityProvider()
        : name switch
        {
            "google" => Google,
            "facebook" => Facebook,
            _ => Connection(name),
        };
}

/// <summary>The identity endpoints' paths.</summary>
public static class MemberAuthPaths
{
    /// <summary>Login V2.</summary>
    public const string Login = "/_api/iam/authentication/v2/login";

    /// <summary>Register V2.</summary>
    public const string Register = "/_api/iam/authentication/v2/register";

    /// <summary>Sign On (API key).</summary>
    public const string SignOn = "/_api/iam/authentication/v2/sign-on";

    /// <summary>Verify during authentication (the emailed code).</summary>
    public const string Verify = "/_api/iam/verification/v1/auth/verify";

    /// <summary>Send the password-reset mail.</summary>
    public const string SendRecoveryEmail = "/_api/iam/recovery/v1/send-email";

    /// <summary>Who a token is for.</summary>
    public const string TokenInfo = "/oauth2/token-info";

    /// <summary>Set a new password with the mailed recovery token.</summary>
    public const string Recover = "/_api/iam/recovery/v1/recover";
}

namespace Wix.Auth.Emulator;

/// <summary>The emulated Wix endpoints, as named by fault injection, the request log and the counters.</summary>
public enum EmulatorEndpoint
{
    /// <summary><c>POST /oauth2/token</c>.</summary>
    Token,

    /// <summary><c>POST /_api/redirects-api/v1/redirect-session</c>.</summary>
    RedirectSession,

    /// <summary><c>GET /members/v1/members/my</c>.</summary>
    Members,

    /// <summary><c>POST /oauth2/token-info</c>.</summary>
    TokenInfo,

    /// <summary>The login and logout page a Redirect Session's <c>fullUrl</c> opens: <c>/_api/oauth2/authorize</c>.</summary>
    Authorize,

    /// <summary><c>POST /_api/iam/authentication/v2/login</c> (LoginV2).</summary>
    Login,

    /// <summary><c>POST /_api/iam/authentication/v2/register</c> (RegisterV2).</summary>
    Register,

    /// <summary><c>POST /_api/iam/authentication/v2/sign-on</c> (SignOn, with an API key).</summary>
    SignOn,

    /// <summary><c>POST /_api/iam/verification/v1/auth/verify</c> (the emailed code).</summary>
    Verify,

    /// <summary><c>POST /_api/iam/recovery/v1/send-email</c> (password-reset mail).</summary>
    SendRecoveryEmail,

    /// <summary><c>POST /_api/iam/recovery/v1/recover</c> (a new password with the mailed token).</summary>
    Recover,

    /// <summary>The stand-in identity provider's page for social login: <c>/_idp/authorize</c>.</summary>
    IdentityProvider,
}

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
}

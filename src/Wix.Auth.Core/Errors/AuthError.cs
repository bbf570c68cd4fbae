namespace Wix.Auth.Core.Errors;

/// <summary>
/// Every expected failure of the login flow: a closed set of typed errors, each with a stable
/// <see cref="Code"/> that ports and hosts may match on. The core returns these instead of throwing.
/// </summary>
/// <remarks>Messages never contain a token, code or verifier, nor the URL they arrived in.</remarks>
public abstract record AuthError : IResultError<AuthError>
{
    private AuthError(string code, string message) => (Code, Message) = (code, message);

    /// <summary>A stable, snake_case identifier of the kind of error.</summary>
    public string Code { get; }

    /// <summary>A sentence for people.</summary>
    public string Message { get; }

    /// <summary>The redirect URI is empty, relative or not a URI.</summary>
    public sealed record InvalidRedirectUri() : AuthError("invalid_redirect_uri", "The redirect URI must be an absolute URI.");

    /// <summary>A URL to return to is neither a local path nor an absolute http(s) URL, or holds what a browser would misread.</summary>
    public sealed record InvalidReturnUrl() : AuthError("invalid_return_url", "The URL to return to must be a local path or an absolute http or https URL.");

    /// <summary>An original or post-logout URL points outside the host's allowed origins.</summary>
    public sealed record DisallowedOrigin(string Origin) : AuthError("disallowed_origin", $"The origin {Origin} is not an allowed origin.");

    /// <summary>Fewer random bytes than PKCE and state need.</summary>
    public sealed record InsufficientEntropy(int Required, int Supplied)
        : AuthError("insufficient_entropy", $"{Required} random bytes are needed; {Supplied} were supplied.");

    /// <summary>OAuth data that <c>GenerateOAuthData</c> did not make: a bad verifier, a challenge that is not its S256, a short state.</summary>
    public sealed record InvalidOAuthData() : AuthError("invalid_oauth_data", "The OAuth data is not valid PKCE data with a 256-bit state.");

    /// <summary>The callback URL could not be parsed as an absolute URL.</summary>
    public sealed record InvalidUrl() : AuthError("invalid_url", "The callback URL is not an absolute URL.");

    /// <summary>The callback URL is longer than the documented limit.</summary>
    public sealed record UrlTooLong(int Limit) : AuthError("url_too_long", $"The callback URL is longer than {Limit} characters.");

    /// <summary>A protocol parameter appeared twice (RFC 6749 §3.1).</summary>
    public sealed record DuplicateParameter(string Name) : AuthError("duplicate_parameter", $"The parameter '{Name}' appears more than once.");

    /// <summary>A required callback parameter is missing or empty.</summary>
    public sealed record MissingParameter(string Name) : AuthError("missing_parameter", $"The parameter '{Name}' is missing or empty.");

    /// <summary>The callback's state is not the pending login's: forged, or from another login.</summary>
    public sealed record StateMismatch() : AuthError("state_mismatch", "The callback's state does not match the pending login.");

    /// <summary>A callback arrived when no login was pending: replayed, or never requested.</summary>
    public sealed record NoPendingLogin() : AuthError("no_pending_login", "No login is pending.");

    /// <summary>The callback's <c>iss</c> is not the issuer the host expects (RFC 9207): the answer may come from another server.</summary>
    public sealed record IssuerMismatch() : AuthError("issuer_mismatch", "The callback's issuer is not the expected one.");

    /// <summary>The pending login is older than its time to live.</summary>
    public sealed record PendingLoginExpired() : AuthError("pending_login_expired", "The pending login has expired; start again.");

    /// <summary>A second callback for a login whose code is already being exchanged.</summary>
    public sealed record CallbackAlreadyReceived() : AuthError("callback_already_received", "This login has already received its callback.");

    /// <summary>Wix sent the member back with an error, e.g. <c>access_denied</c> or <c>login_required</c>.</summary>
    public sealed record AuthorizationDenied(string Error, string Description)
        : AuthError("authorization_denied", $"Wix refused the login: {Error}.");

    /// <summary>A call to Wix failed.</summary>
    public sealed record RemoteCallFailed(WixError Error) : AuthError("remote_call_failed", $"A call to Wix failed: {Error.Code}.");

    /// <summary>Wix refused to refresh the member's tokens; the member must log in again.</summary>
    public sealed record RefreshRejected(WixError Error) : AuthError("refresh_rejected", $"Wix refused to refresh the member's tokens: {Error.Code}.");

    /// <summary>Refreshing failed for now (network, timeout, 5XX); the member's tokens are kept.</summary>
    public sealed record RefreshUnavailable(WixError Error) : AuthError("refresh_unavailable", $"The tokens could not be refreshed now: {Error.Code}.");

    /// <summary>
    /// A store the flow needs (tokens, pending logins) did not answer in time: nothing was changed that the caller must
    /// undo, and the same step may be tried again shortly. Reported by the shells, which own the stores.
    /// </summary>
    public sealed record StoreUnavailable() : AuthError("store_unavailable", "The login store is unavailable; try again shortly.");

    /// <summary>
    /// The login was cancelled before the member came back: the member closed the browser, or the app cancelled the wait.
    /// Reported by the shells, which own the browser.
    /// </summary>
    public sealed record LoginCancelled() : AuthError("login_cancelled", "The login was cancelled before the member came back.");

    /// <summary>The member did not come back from the login page in time. Reported by the shells, which own the browser.</summary>
    public sealed record LoginTimedOut(TimeSpan Timeout) : AuthError("login_timed_out", $"No login completed within {Timeout.TotalSeconds:0} s.");

    /// <summary>The browser could not show the login page or return its answer. Reported by the shells, which own the browser.</summary>
    public sealed record BrowserFailed(string Reason) : AuthError("browser_failed", $"The browser failed: {Reason}");

    /// <summary>The operation needs a logged-in member.</summary>
    public sealed record NotAuthenticated() : AuthError("not_authenticated", "No member is logged in.");

    /// <summary>A login was requested while a member is logged in; log out first.</summary>
    public sealed record AlreadyAuthenticated() : AuthError("already_authenticated", "A member is already logged in.");

    /// <summary>The event is not part of the protocol in the current state.</summary>
    public sealed record UnexpectedEvent(string State, string Event)
        : AuthError("unexpected_event", $"{Event} is not expected in state {State}.");

    /// <summary>A social login named an identity provider the site does not offer.</summary>
    public sealed record UnknownIdentityProvider() : AuthError("unknown_identity_provider", "The site does not offer this way to log in.");

    /// <summary>The flow's settings are invalid.</summary>
    public sealed record InvalidSettings(string Reason) : AuthError("invalid_settings", Reason);

    /// <summary>
    /// A result that no call returned (a <c>default</c> one) holds this: a host's programming error, never an answer of
    /// the flow or of Wix.
    /// </summary>
    public sealed record NoResult() : AuthError("no_result", "This result was not returned by a call.");

    /// <inheritdoc />
    static AuthError IResultError<AuthError>.NotReturned { get; } = new NoResult();
}

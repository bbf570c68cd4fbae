using LanguageExt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Effects.Interpreter;
using Wix.Auth.Effects.Logging;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// The client a user of <c>@wix/sdk</c>'s <c>OAuthStrategy</c> knows, for one session (a member's browser
/// session on a site, or the user of a console app). State lives in the stores, so any instance of a site can
/// continue what another began. Expected failures are typed results; exceptions mean a programming error or
/// cancellation.
/// </summary>
public sealed class WixAuthClient
{
    /// <summary>The session key of a client that serves a single user.</summary>
    public const string DefaultSessionKey = "default";

    private readonly FlowSettings settings;
    private readonly IPendingLoginStore pendingLogins;
    private readonly ITokenStore tokens;
    private readonly TimeProvider time;
    private readonly IEntropySource entropy;
    private readonly RefreshCoordinator refreshes;
    private readonly FlowInterpreter interpreter;
    private readonly ILogger logger;

    /// <summary>A client of the session <paramref name="sessionKey"/> over the given ports.</summary>
    public WixAuthClient(
        WixAuthOptions options, IWixApi api, IPendingLoginStore pendingLogins, ITokenStore tokens,
        TimeProvider? time = null, IEntropySource? entropy = null, IRedirector? redirector = null,
        RefreshCoordinator? refreshes = null, ILogger<WixAuthClient>? logger = null, string sessionKey = DefaultSessionKey)
    {
        settings = options.ToFlowSettings();
        this.pendingLogins = pendingLogins;
        this.tokens = tokens;
        this.time = time ?? TimeProvider.System;
        this.entropy = entropy ?? new CryptographicEntropy();
        this.refreshes = refreshes ?? new RefreshCoordinator();
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        SessionKey = sessionKey;
        interpreter = new FlowInterpreter(settings, api, pendingLogins, tokens, redirector ?? new ReturnUrlToCaller(), this.time, this.logger);
    }

    /// <summary>The session whose tokens this client uses.</summary>
    public string SessionKey { get; }

    /// <summary>Raised when Wix refuses to refresh a member's tokens: the member must log in again.</summary>
    public event Action<AuthError>? SessionEnded;

    /// <summary>
    /// <c>generateOAuthData</c>: PKCE data and state for one login, from the entropy source. Every problem with the
    /// input is reported.
    /// </summary>
    public Validation<AuthError, OAuthData> GenerateOAuthData(string redirectUri, string? originalUri = null)
    {
        Span<byte> bytes = stackalloc byte[Pkce.RequiredEntropyBytes];
        entropy.Fill(bytes);
        return Pkce.GenerateOAuthData(redirectUri, Optional(originalUri), bytes);
    }

    /// <summary>
    /// <c>getAuthUrl</c>: stores the pending login (for the TTL), gets visitor tokens if needed, creates the login
    /// Redirect Session, and returns its URL, where the member's browser must go.
    /// </summary>
    public Task<Either<AuthError, string>> GetAuthUrlAsync(
        OAuthData oauthData, Prompt prompt = Prompt.Login, ResponseMode responseMode = ResponseMode.Fragment, CancellationToken cancellationToken = default) =>
        OrStoreUnavailable(async () =>
    {
        var outcome = await RunAsync(await LoadAsync(cancellationToken).ConfigureAwait(false),
            new LoginEvent.LoginRequested(oauthData, prompt, responseMode, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return LastRedirect(outcome);
    });

    /// <summary><c>parseFromUrl</c>: the code and state, or the error, that Wix put in the callback URL.</summary>
    public Either<AuthError, CallbackParams> ParseFromUrl(string url, ResponseMode responseMode = ResponseMode.Fragment) =>
        CallbackParser.ParseFromUrl(url, responseMode);

    /// <summary>
    /// <c>getMemberTokens</c>: checks the callback's <paramref name="state"/> against the pending login of
    /// <paramref name="oauthData"/> (constant time, TTL, single use), exchanges the code and keeps the member's tokens.
    /// </summary>
    public Task<Either<AuthError, TokenPair>> GetMemberTokensAsync(string code, string state, OAuthData oauthData, CancellationToken cancellationToken = default) =>
        GetMemberTokensAsync(new CallbackParams.Granted(code.AsSecret(), state, None), oauthData.State, cancellationToken);

    /// <summary>
    /// Completes the login whose pending state is <paramref name="pendingState"/> with what the callback carried:
    /// a code is exchanged; an error ends the attempt with Wix's code and description.
    /// </summary>
    public Task<Either<AuthError, TokenPair>> GetMemberTokensAsync(CallbackParams callback, string pendingState, CancellationToken cancellationToken = default) =>
        OrStoreUnavailable(async () =>
    {
        var pending = await pendingLogins.FindAsync(pendingState, cancellationToken).ConfigureAwait(false);
        if (pending.Case is not PendingLogin login) return new AuthError.NoPendingLogin();
        var outcome = await RunAsync(new LoginState.Requested(login, None), new LoginEvent.CallbackReceived(callback, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return outcome.Error.Case is AuthError error ? error : MemberTokens(outcome.State);
    });

    /// <summary><c>setTokens</c>: makes <paramref name="tokenPair"/> this session's active tokens.</summary>
    public ValueTask SetTokensAsync(TokenPair tokenPair, CancellationToken cancellationToken = default) => tokens.SetAsync(SessionKey, tokenPair, cancellationToken);

    /// <summary><c>getTokens</c>: this session's tokens, if any.</summary>
    public ValueTask<Option<TokenPair>> GetTokensAsync(CancellationToken cancellationToken = default) => tokens.GetAsync(SessionKey, cancellationToken);

    /// <summary><c>loggedIn</c>: true when this session holds a member's tokens.</summary>
    public async ValueTask<bool> LoggedInAsync(CancellationToken cancellationToken = default) =>
        (await GetTokensAsync(cancellationToken).ConfigureAwait(false)).Exists(t => t.Role == TokenRole.Member);

    /// <summary>
    /// <c>logout</c>: clears this session's tokens and returns the URL to send the browser to: Wix's logout URL,
    /// which returns to <paramref name="postLogoutUrl"/>; without a member, that URL itself.
    /// </summary>
    public Task<Either<AuthError, string>> LogoutAsync(string postLogoutUrl, CancellationToken cancellationToken = default) =>
        OrStoreUnavailable(async () =>
    {
        // Wix ends its own session only for a live member token: renew one that is due first (best effort — if Wix
        // refuses, the member's session is over and the logout below is local).
        var current = await GetTokensAsync(cancellationToken).ConfigureAwait(false);
        if (current.Exists(t => t.Role == TokenRole.Member && t.AccessToken.IsExpired(time.GetUtcNow(), settings.RefreshMargin)))
            await RenewTokenAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await RunAsync(await LoadAsync(cancellationToken).ConfigureAwait(false), new LoginEvent.LogoutRequested(postLogoutUrl), cancellationToken).ConfigureAwait(false);
        return LastRedirect(outcome);
    });

    /// <summary><c>generateVisitorTokens</c>: anonymous tokens for a session without a member.</summary>
    public Task<Either<AuthError, TokenPair>> GenerateVisitorTokensAsync(CancellationToken cancellationToken = default) =>
        OrStoreUnavailable<TokenPair>(async () =>
    {
        var outcome = await RunAsync(await LoadAsync(cancellationToken).ConfigureAwait(false), new LoginEvent.VisitorTokensRequested(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return outcome.Error.Case is AuthError error ? error
            : outcome.State is LoginState.Idle { Visitor.Case: TokenPair visitor } ? visitor
            : new AuthError.UnexpectedEvent(outcome.State.GetType().Name, nameof(LoginEvent.VisitorTokensRequested));
    });

    /// <summary>
    /// <c>renewToken</c>: the member's tokens, refreshed first if they expire within the margin. However many callers
    /// ask at once, one refresh request goes out. A refusal ends the session visibly (<see cref="SessionEnded"/>).
    /// </summary>
    public Task<Either<AuthError, TokenPair>> RenewTokenAsync(CancellationToken cancellationToken = default) =>
        OrStoreUnavailable(async () =>
    {
        var current = await GetTokensAsync(cancellationToken).ConfigureAwait(false);
        if (current.Case is TokenPair fresh && !fresh.AccessToken.IsExpired(time.GetUtcNow(), settings.RefreshMargin)) return fresh;
        return await refreshes.RunOnceAsync(SessionKey, () => RefreshAsync(CancellationToken.None)).WaitAsync(cancellationToken).ConfigureAwait(false);
    });

    /// <summary>
    /// The access token to send with an API call: the current one while it is fresh (no I/O beyond the store), else
    /// renewed — a member's by refresh (<see cref="RenewTokenAsync"/>), a visitor's by new visitor tokens. A session
    /// without tokens gets <see cref="AuthError.NotAuthenticated"/>: after a member's session ended, calls must not
    /// quietly continue as a visitor's; a host that wants visitor calls asks for <see cref="GenerateVisitorTokensAsync"/>.
    /// </summary>
    public async ValueTask<Either<AuthError, Secret>> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
        await OrStoreUnavailable<Secret>(async () =>
    {
        var current = await GetTokensAsync(cancellationToken).ConfigureAwait(false);
        if (current.Case is not TokenPair tokenPair) return new AuthError.NotAuthenticated();
        if (!tokenPair.AccessToken.IsExpired(time.GetUtcNow(), settings.RefreshMargin)) return tokenPair.AccessToken.Value;
        var renewed = tokenPair.Role == TokenRole.Member
            ? await RenewTokenAsync(cancellationToken).ConfigureAwait(false)
            : await GenerateVisitorTokensAsync(cancellationToken).ConfigureAwait(false);
        return renewed.Map(t => t.AccessToken.Value);
    }).ConfigureAwait(false);

    // Runs inside the single flight: reads the store again, since another caller or instance may have refreshed.
    private async Task<Either<AuthError, TokenPair>> RefreshAsync(CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(await LoadAsync(cancellationToken).ConfigureAwait(false), new LoginEvent.RefreshRequested(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (outcome.State is LoginState.Failed { Reason: AuthError.RefreshRejected rejected })
        {
            Log.SessionEnded(logger, rejected.Error.Code);
            SessionEnded?.Invoke(rejected);
        }
        return outcome.Error.Case is AuthError error ? error : MemberTokens(outcome.State);
    }

    // A store that fails is an answer of the flow, not an exception: the caller gets StoreUnavailable, and the failed
    // effect stopped the run before its state was kept.
    private static async Task<Either<AuthError, T>> OrStoreUnavailable<T>(Func<Task<Either<AuthError, T>>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            return new AuthError.StoreUnavailable();
        }
    }

    private async ValueTask<LoginState> LoadAsync(CancellationToken cancellationToken) =>
        LoginState.FromTokens(await tokens.GetAsync(SessionKey, cancellationToken).ConfigureAwait(false));

    private ValueTask<FlowOutcome> RunAsync(LoginState state, LoginEvent @event, CancellationToken cancellationToken) =>
        interpreter.RunAsync(SessionKey, state, @event, cancellationToken);

    private static Either<AuthError, TokenPair> MemberTokens(LoginState state) =>
        state is LoginState.Authenticated authenticated ? authenticated.Member : new AuthError.NotAuthenticated();

    private static Either<AuthError, string> LastRedirect(FlowOutcome outcome) =>
        outcome.Error.Case is AuthError error ? error
        : outcome.Redirects.LastOrNone().ToEither<AuthError>(() => new AuthError.UnexpectedEvent(outcome.State.GetType().Name, "no redirect"));
}

using LanguageExt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Interpreter;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth;

/// <summary>
/// The client a user of <c>@wix/sdk</c>'s <c>OAuthStrategy</c> knows, for one session (a member's browser
/// session on a site, or the user of a console app). State lives in the stores, so any instance of a site can
/// continue what another began. Expected failures (Wix refused, the member cancelled, a state mismatch, an expired
/// login) are <see cref="AuthResult{T, TError}"/> failures; exceptions mean a programming error or cancellation.
/// </summary>
/// <example>
/// <code>
/// var client = new WixAuthClient(new WixAuthOptions { ClientId = "&lt;client id&gt;", RedirectUri = "https://shop.example/callback" });
/// var oauthData = client.GenerateOAuthData();
/// var authUrl = await client.GetAuthUrlAsync(oauthData);
/// </code>
/// </example>
public sealed class WixAuthClient
{
    /// <summary>The session key of a client that serves a single user.</summary>
    public const string DefaultSessionKey = "default";

    // One connection pool for every client made without an IWixApi; connections are renewed so DNS changes are seen.
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }));

    private readonly FlowSettings settings;
    private readonly string? redirectUri;
    private readonly string? postLogoutRedirectUri;
    private readonly ISessionStore tokens;
    private readonly TimeProvider time;
    private readonly IEntropySource entropy;
    private readonly RefreshCoordinator refreshes;
    private readonly FlowInterpreter interpreter;

    /// <summary>
    /// A client of the session <paramref name="sessionKey"/>. Every port has a default: Wix over a shared
    /// <see cref="HttpClient"/> with retries where they are safe, in-memory stores, <see cref="TimeProvider.System"/>,
    /// the operating system's random source; name the ones to replace.
    /// </summary>
    /// <example><c>new WixAuthClient(options, tokens: new FileSessionStore(path))</c></example>
    /// <exception cref="OptionsValidationException">The options are invalid; the exception lists every problem.</exception>
    public WixAuthClient(
        WixAuthOptions options, IWixApi? api = null, IPendingLoginStore? pendingLogins = null, ISessionStore? tokens = null,
        TimeProvider? time = null, IEntropySource? entropy = null, ILoggerFactory? loggerFactory = null, string sessionKey = DefaultSessionKey,
        IMemberAuthApi? memberAuth = null)
        : this(Validated(options), api, pendingLogins, tokens, time, entropy, null, loggerFactory, sessionKey, memberAuth)
    {
    }

    internal WixAuthClient(
        WixAuthOptions options, IWixApi? api, IPendingLoginStore? pendingLogins, ISessionStore? tokens,
        TimeProvider? time, IEntropySource? entropy, RefreshCoordinator? refreshes, ILoggerFactory? loggerFactory, string sessionKey,
        IMemberAuthApi? memberAuth = null, FlowSettings? settings = null, ILogger<WixAuthClient>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionKey);
        loggerFactory ??= NullLoggerFactory.Instance;
        // A factory making a client per request hands in what is the same for all of them.
        this.settings = settings ?? options.ToFlowSettings();
        (redirectUri, postLogoutRedirectUri) = (options.RedirectUri, options.PostLogoutRedirectUri);
        this.time = time ?? TimeProvider.System;
        this.tokens = tokens ?? new InMemorySessionStore();
        this.entropy = entropy ?? new CryptographicEntropy();
        this.refreshes = refreshes ?? new RefreshCoordinator();
        SessionKey = sessionKey;
        api ??= new WixHttpApi(SharedHttp.Value, options, loggerFactory.CreateLogger<WixHttpApi>());
        Options = options;
        MemberAuth = memberAuth ?? new MemberAuthHttpApi(SharedHttp.Value, options, loggerFactory.CreateLogger<MemberAuthHttpApi>());
        interpreter = new FlowInterpreter(this.settings, api, MemberAuth, pendingLogins ?? new InMemoryPendingLoginStore(this.time), this.tokens, this.time,
            logger ?? loggerFactory.CreateLogger<WixAuthClient>());
    }

    /// <summary>The session whose state this client uses.</summary>
    public string SessionKey { get; }

    /// <summary>
    /// <c>generateOAuthData</c>: PKCE data and state for one login, from the entropy source.
    /// </summary>
    /// <param name="redirectUri">
    /// Where Wix sends the member back: absolute, and registered with the OAuth app. Null: <see cref="WixAuthOptions.RedirectUri"/>.
    /// </param>
    /// <param name="originalUri">The page to return to after the login: local, on the redirect URI's origin or on an allowed one.</param>
    /// <exception cref="ArgumentException">
    /// A URI is not valid or not allowed, or neither the call nor the options name a redirect URI (a programming error); the
    /// message names every problem.
    /// </exception>
    /// <example>
    /// <code>
    /// var oauthData = client.GenerateOAuthData(originalUri: "/cart");   // to WixAuthOptions.RedirectUri
    /// // Keep oauthData until the member comes back (a web host keeps its state in a cookie; the pending login is stored).
    /// </code>
    /// </example>
    public OAuthData GenerateOAuthData(string? redirectUri = null, string? originalUri = null)
    {
        redirectUri ??= this.redirectUri ?? throw new ArgumentException(
            "No redirect URI: pass one, or set WixAuthOptions.RedirectUri.", nameof(redirectUri));
        var data = Generate(redirectUri, originalUri);
        return data.Match(
            static d => d,
            static errors => throw new ArgumentException(string.Join(" ", errors.Map(e => $"{e.Message} ({e.Code})")), nameof(redirectUri)));
    }

    // For a host whose redirect URI is made from a request, where a bad one is the request's fault, not a programming error.
    internal AuthResult<OAuthData, AuthError> TryGenerateOAuthData(string redirectUri, string? originalUri) =>
        Generate(redirectUri, originalUri).ToEither().MapLeft(errors => errors.Head).ToAuthResult();

    private Validation<AuthError, OAuthData> Generate(string redirectUri, string? originalUri)
    {
        Span<byte> bytes = stackalloc byte[Pkce.RequiredEntropyBytes];
        entropy.Fill(bytes);
        return Pkce.GenerateOAuthData(redirectUri, Optional(originalUri), bytes);
    }

    /// <summary>
    /// <c>getAuthUrl</c>: stores the pending login (for the TTL), gets visitor tokens if needed, creates the login
    /// Redirect Session, and returns its URL, where the member's browser must go.
    /// </summary>
    /// <example>
    /// <code>
    /// var authUrl = await client.GetAuthUrlAsync(oauthData, responseMode: ResponseMode.Query);
    /// if (!authUrl.TryGetValue(out var url, out var error)) return Results.Problem(error.Message);
    /// return Results.Redirect(url);
    /// </code>
    /// </example>
    public Task<AuthResult<string, AuthError>> GetAuthUrlAsync(
        OAuthData oauthData, Prompt prompt = Prompt.Login, ResponseMode responseMode = ResponseMode.Fragment, CancellationToken cancellationToken = default) =>
        StartLoginAsync(oauthData, LoginMethod.WixPage, prompt, responseMode, cancellationToken);

    /// <summary>
    /// <c>getAuthUrl</c> with <c>idp</c>: social login. The member goes to the identity provider's page
    /// (<see cref="IdentityProvider.Google"/>, <see cref="IdentityProvider.Facebook"/> or one of the site's connections)
    /// and comes back to the redirect URI as from Wix's page.
    /// </summary>
    public Task<AuthResult<string, AuthError>> GetAuthUrlAsync(
        OAuthData oauthData, IdentityProvider identityProvider, ResponseMode responseMode = ResponseMode.Fragment, CancellationToken cancellationToken = default) =>
        StartLoginAsync(oauthData, new LoginMethod.Social(identityProvider ?? throw new ArgumentNullException(nameof(identityProvider))),
            Prompt.Login, responseMode, cancellationToken);

    /// <summary>
    /// <c>getAuthUrl</c> with <c>sessionToken</c>: the member logged in with the site's own form
    /// (<see cref="MemberAuthClient"/>), and this URL turns that login into member tokens without showing a page
    /// (<c>prompt=none</c>). On a server the browser goes there and Wix answers at the redirect URI in the query, as any
    /// login; <see cref="CompleteLoginAsync"/> or <see cref="GetMemberTokensAsync(CallbackParams, string, CancellationToken)"/>
    /// completes it. A browser host may ask for <see cref="ResponseMode.WebMessage"/> and wait with a
    /// <see cref="WebMessageListener"/>.
    /// </summary>
    public Task<AuthResult<string, AuthError>> GetAuthUrlAsync(
        OAuthData oauthData, MemberAuthStep.LoggedIn loggedIn, ResponseMode responseMode = ResponseMode.Query, CancellationToken cancellationToken = default) =>
        StartLoginAsync(MemberFormQueries.LoginRequestOf(loggedIn ?? throw new ArgumentNullException(nameof(loggedIn)), oauthData, responseMode, time.GetUtcNow()),
            cancellationToken);

    private Task<AuthResult<string, AuthError>> StartLoginAsync(
        OAuthData oauthData, LoginMethod method, Prompt prompt, ResponseMode responseMode, CancellationToken cancellationToken) =>
        StartLoginAsync(new LoginEvent.LoginRequested(oauthData, prompt, responseMode, time.GetUtcNow()) { Method = method }, cancellationToken);

    private Task<AuthResult<string, AuthError>> StartLoginAsync(LoginEvent.LoginRequested login, CancellationToken cancellationToken) =>
        OrStoreUnavailable(async () =>
    {
        var outcome = await RunAsync(login, cancellationToken).ConfigureAwait(false);
        return LoginMetrics.LoginStarted(Redirect(outcome));
    });

    /// <summary><c>parseFromUrl</c>: the code and state, or the error, that Wix put in the callback URL.</summary>
    /// <example>
    /// <code>
    /// var callback = client.ParseFromUrl("myapp://callback?code=C&amp;state=S", ResponseMode.Query);
    /// if (callback.TryGetValue(out var parameters) &amp;&amp; parameters is CallbackParams.Denied denied) Console.WriteLine(denied.Error);
    /// </code>
    /// </example>
    public AuthResult<CallbackParams, AuthError> ParseFromUrl(string url, ResponseMode responseMode = ResponseMode.Fragment) =>
        CallbackParser.ParseFromUrl(url, responseMode).ToAuthResult();

    /// <summary>
    /// The whole end of a login in one call: <c>parseFromUrl</c>, then <c>getMemberTokens</c> for the URL Wix sent the member
    /// back to (with the response mode of the login URL), then who the member is. The result carries the member's tokens
    /// (now the session's), their member ID and contact ID, and the access token's expiry.
    /// </summary>
    /// <example>
    /// <code>
    /// var login = await client.CompleteLoginAsync(callbackUrl, oauthData);
    /// if (login.IsSuccess) Console.WriteLine($"Member {login.Value.MemberId}, until {login.Value.ExpiresAt:t}");
    /// </code>
    /// </example>
    public async Task<AuthResult<MemberLogin, AuthError>> CompleteLoginAsync(
        string callbackUrl, OAuthData oauthData, ResponseMode responseMode = ResponseMode.Fragment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oauthData);
        var callback = ParseFromUrl(callbackUrl ?? "", responseMode);
        if (!callback.IsSuccess) return callback.Error;
        var tokens = await GetMemberTokensAsync(callback.Value, oauthData.State, cancellationToken).ConfigureAwait(false);
        return tokens.IsSuccess ? await MemberLoginAsync(tokens.Value, cancellationToken).ConfigureAwait(false) : tokens.Error;
    }

    /// <summary>
    /// The login that gave this session <paramref name="tokens"/>: who the member is, as <see cref="GetMemberIdentityAsync"/>
    /// answers (no call when the session knows already).
    /// </summary>
    internal async Task<MemberLogin> MemberLoginAsync(TokenPair tokens, CancellationToken cancellationToken)
    {
        var identity = await GetMemberIdentityAsync(cancellationToken).ConfigureAwait(false);
        return MemberLogin.Of(tokens, identity.IsSuccess ? identity.Value : null);
    }

    /// <summary>
    /// <c>getMemberTokens</c>: checks the callback's <paramref name="state"/> against <paramref name="oauthData"/>'s
    /// (constant time), and its <paramref name="iss"/> when <see cref="WixAuthOptions.ExpectedIssuer"/> is set; takes its
    /// pending login (TTL, single use), exchanges the code and keeps the member's tokens.
    /// </summary>
    /// <param name="code">The callback's <c>code</c>.</param>
    /// <param name="state">The callback's <c>state</c>.</param>
    /// <param name="oauthData">The login's OAuth data.</param>
    /// <param name="iss">The callback's <c>iss</c> (RFC 9207), when it carried one: with an expected issuer, a callback without it is refused.</param>
    /// <param name="cancellationToken">Cancels the calls to Wix.</param>
    public Task<AuthResult<TokenPair, AuthError>> GetMemberTokensAsync(
        string code, string state, OAuthData oauthData, string? iss = null, CancellationToken cancellationToken = default) =>
        GetMemberTokensAsync(new CallbackParams.Granted(code.AsSecret(), state, iss), oauthData.State, cancellationToken);

    /// <summary>
    /// Completes the login whose pending state is <paramref name="pendingState"/> (the one this browser or client began)
    /// with what the callback carried: a code is exchanged; an error ends the attempt with Wix's code and description.
    /// </summary>
    public async Task<AuthResult<TokenPair, AuthError>> GetMemberTokensAsync(CallbackParams callback, string pendingState, CancellationToken cancellationToken = default) =>
        (await CompleteCallbackAsync(callback, pendingState, cancellationToken).ConfigureAwait(false)).Tokens;

    /// <summary>
    /// Completes the login whose pending state is <paramref name="pendingState"/> as
    /// <see cref="GetMemberTokensAsync(CallbackParams, string, CancellationToken)"/> does, and says where the member goes next:
    /// the login's original URI, as the core checked it when the login began. A host sends the browser there, and to its
    /// own default page when there is none.
    /// </summary>
    /// <example>
    /// <code>
    /// var completion = await client.CompleteCallbackAsync(callback, pendingState);
    /// if (completion.Tokens.IsSuccess) return Results.Redirect(completion.ReturnTo ?? "/");
    /// </code>
    /// </example>
    public async Task<LoginCompletion> CompleteCallbackAsync(CallbackParams callback, string pendingState, CancellationToken cancellationToken = default)
    {
        try
        {
            var outcome = await RunAsync(new LoginEvent.CallbackReceived(callback, pendingState, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            var tokens = LoginMetrics.LoginCompleted(outcome.Error is AuthError error ? error : MemberTokens(outcome.State).ToAuthResult());
            // A refused callback leaves the session as it was: whatever it holds says nothing of this login.
            var returnTo = outcome.Rejection is null ? LoginQueries.ReturnTo(outcome.State) : None;
            return new LoginCompletion(tokens, returnTo.MatchUnsafe(u => u, () => null));
        }
        catch (StoreUnavailableException)
        {
            return new LoginCompletion(new AuthError.StoreUnavailable(), null);
        }
    }

    /// <summary>
    /// Who the logged-in member is (their member ID, and contact ID when Wix gave it). The core decides: what the session
    /// knows — named by the site's own form when the login completed it, or fetched before — comes without a call; else
    /// Wix's token info is asked once and the answer kept in the session. Null when Wix did not say (token info failed, or
    /// the token is no longer a member's): the member stays logged in, and a later call asks again. Without a member,
    /// <see cref="AuthError.NotAuthenticated"/>.
    /// </summary>
    public Task<AuthResult<MemberIdentity?, AuthError>> GetMemberIdentityAsync(CancellationToken cancellationToken = default) =>
        OrStoreUnavailable<MemberIdentity?>(async () =>
    {
        var outcome = await RunAsync(new LoginEvent.MemberIdentityRequested(), cancellationToken).ConfigureAwait(false);
        return outcome.Error is AuthError error ? error : LoginQueries.MemberIdentityOf(outcome.State).MatchUnsafe(m => m, () => (MemberIdentity?)null);
    });

    /// <summary>
    /// <c>setTokens</c>: makes <paramref name="tokenPair"/> this session's tokens (a member's log the session in), in the
    /// session's turn; a login in progress is replaced and its pending login deleted. The tokens kept, or why not (a store
    /// that did not answer: <c>store_unavailable</c>, nothing changed).
    /// </summary>
    public Task<AuthResult<TokenPair, AuthError>> SetTokensAsync(TokenPair tokenPair, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenPair);
        return OrStoreUnavailable<TokenPair>(async () =>
        {
            var outcome = await RunAsync(new LoginEvent.TokensSet(tokenPair), cancellationToken).ConfigureAwait(false);
            return outcome.Error is AuthError error ? error : tokenPair;
        });
    }

    /// <summary>
    /// Forgets this session here, without Wix (a web host's browser got a new session, or refused the login it completed):
    /// its tokens and any login in progress, whose pending login is deleted. Wix's own session is not ended; that is
    /// <see cref="LogoutAsync(string?, CancellationToken)"/>.
    /// </summary>
    internal async Task<AuthResult<bool, AuthError>> ForgetAsync(CancellationToken cancellationToken = default) =>
        await OrStoreUnavailable<bool>(async () =>
        {
            var outcome = await RunAsync(new LoginEvent.SessionDiscarded(), cancellationToken).ConfigureAwait(false);
            return outcome.Error is AuthError error ? error : true;
        }).ConfigureAwait(false);

    /// <summary><c>getTokens</c>: this session's tokens, if any.</summary>
    public async ValueTask<TokenPair?> GetTokensAsync(CancellationToken cancellationToken = default) =>
        LoginQueries.TokensOf(await LoadAsync(cancellationToken).ConfigureAwait(false)).Case as TokenPair;

    /// <summary><c>loggedIn</c>: true when a member is logged in in this session.</summary>
    public async ValueTask<bool> LoggedInAsync(CancellationToken cancellationToken = default) =>
        LoginQueries.IsMember(await LoadAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// <c>logout</c>: forgets this session's tokens and returns the URL to send the browser to: Wix's logout URL, which
    /// returns to <paramref name="postLogoutUrl"/>; without a member, that URL itself. The URL must be local, on the
    /// login's origin (or <see cref="WixAuthOptions.RedirectUri"/>'s) or on an allowed one.
    /// </summary>
    /// <param name="postLogoutUrl">Where the member lands. Null: <see cref="WixAuthOptions.PostLogoutRedirectUri"/>.</param>
    /// <param name="cancellationToken">Cancels the calls to Wix.</param>
    /// <exception cref="ArgumentException">Neither the call nor the options name a page to land on (a programming error).</exception>
    /// <example>
    /// <code>
    /// var logout = await client.LogoutAsync("https://shop.example/");
    /// if (logout.TryGetValue(out var url)) return Results.Redirect(url);   // the tokens are forgotten either way
    /// </code>
    /// </example>
    public Task<AuthResult<string, AuthError>> LogoutAsync(string? postLogoutUrl = null, CancellationToken cancellationToken = default) =>
        LogoutAsync(postLogoutUrl ?? postLogoutRedirectUri ?? throw new ArgumentException(
            "No page to land on after logout: pass one, or set WixAuthOptions.PostLogoutRedirectUri.", nameof(postLogoutUrl)),
            Optional(redirectUri), cancellationToken);

    /// <summary>
    /// <c>logout</c> for a host that knows its redirect URI: <paramref name="postLogoutUrl"/> may also be a local path or on
    /// the origin of <paramref name="redirectUri"/>, whatever the session remembers.
    /// </summary>
    public Task<AuthResult<string, AuthError>> LogoutAsync(string postLogoutUrl, string redirectUri, CancellationToken cancellationToken = default) =>
        LogoutAsync(postLogoutUrl, Some(redirectUri), cancellationToken);

    // One run: a member's token within the margin is renewed by the flow itself before Wix is asked to end its session.
    private Task<AuthResult<string, AuthError>> LogoutAsync(string postLogoutUrl, Option<string> redirectUri, CancellationToken cancellationToken) =>
        OrStoreUnavailable(async () =>
            Redirect(await RunAsync(new LoginEvent.LogoutRequested(postLogoutUrl, time.GetUtcNow(), redirectUri), cancellationToken).ConfigureAwait(false)));

    /// <summary><c>generateVisitorTokens</c>: anonymous tokens for a session without a member.</summary>
    public Task<AuthResult<TokenPair, AuthError>> GenerateVisitorTokensAsync(CancellationToken cancellationToken = default) =>
        OrStoreUnavailable<TokenPair>(async () =>
    {
        var outcome = await RunAsync(new LoginEvent.VisitorTokensRequested(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return outcome.Error is AuthError error ? error
            : LoginQueries.VisitorTokens(outcome.State).ToEither<AuthError>(() => new AuthError.NotAuthenticated()).ToAuthResult();
    });

    /// <summary>
    /// <c>renewToken</c>: the session's tokens, renewed first if they expire within the margin (a member's by refresh,
    /// a visitor's by new visitor tokens). However many callers ask at once, one request goes out. A refused refresh is
    /// the answer (<see cref="AuthError.RefreshRejected"/>), and every later call is told the same until a new login.
    /// </summary>
    public Task<AuthResult<TokenPair, AuthError>> RenewTokenAsync(CancellationToken cancellationToken = default) =>
        OrStoreUnavailable(async () =>
    {
        var state = await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!LoginQueries.NeedsRenewal(settings, state, time.GetUtcNow()) && LoginQueries.TokensOf(state).Case is TokenPair fresh) return fresh;
        return await refreshes.RunOnceAsync(SessionKey, fence => RefreshAsync(fence, CancellationToken.None)).WaitAsync(cancellationToken).ConfigureAwait(false);
    });

    /// <summary>
    /// The access token to send with an API call: the current one while it is fresh (no I/O beyond the store), else
    /// renewed (<see cref="RenewTokenAsync"/>). A session without tokens gets <see cref="AuthError.NotAuthenticated"/>:
    /// after a member's session ended, calls must not quietly continue as a visitor's; a host that wants visitor calls
    /// asks for <see cref="GenerateVisitorTokensAsync"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var token = await client.GetAccessTokenAsync();
    /// if (token.IsSuccess) request.Headers.TryAddWithoutValidation("Authorization", token.Value.Reveal());   // bare, as Wix expects
    /// </code>
    /// </example>
    public async ValueTask<AuthResult<Secret, AuthError>> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
        await OrStoreUnavailable<Secret>(async () =>
    {
        var state = await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (LoginQueries.FreshAccessToken(settings, state, time.GetUtcNow()).Case is Secret fresh) return fresh;
        return (await RenewTokenAsync(cancellationToken).ConfigureAwait(false)).Map(t => t.AccessToken.Value);
    }).ConfigureAwait(false);

    // Runs inside the single flight: the run reads the store again, since another caller or instance may have renewed. If
    // a newer lease holder wrote first, the run's write is refused and the outcome is the state that holder left.
    private async Task<AuthResult<TokenPair, AuthError>> RefreshAsync(WriteFence fence, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(new LoginEvent.RefreshRequested(time.GetUtcNow()), fence, cancellationToken).ConfigureAwait(false);
        LoginMetrics.Refreshed(outcome);
        return outcome.Error is AuthError error ? error
            : LoginQueries.TokensOf(outcome.State).ToEither<AuthError>(() => new AuthError.NotAuthenticated()).ToAuthResult();
    }

    // A store that fails is an answer of the flow, not an exception: the caller gets StoreUnavailable, and the failed
    // effect stopped the run before its state was kept.
    private static async Task<AuthResult<T, AuthError>> OrStoreUnavailable<T>(Func<Task<AuthResult<T, AuthError>>> run)
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

    /// <summary>The options this client was made with.</summary>
    internal WixAuthOptions Options { get; }

    /// <summary>Wix's identity endpoints, as this client calls them.</summary>
    internal IMemberAuthApi MemberAuth { get; }

    /// <summary>This client's clock.</summary>
    internal TimeProvider Time => time;

    /// <summary>The flow settings of this client's sessions.</summary>
    internal FlowSettings Settings => settings;

    /// <summary>The session's state as stored (a new session's when none is).</summary>
    internal async ValueTask<LoginState> LoadAsync(CancellationToken cancellationToken) =>
        await tokens.GetAsync(SessionKey, cancellationToken).ConfigureAwait(false) ?? LoginState.Initial;

    /// <summary>Runs <paramref name="event"/> through the flow in the session's turn: the one way the session's state is written.</summary>
    // Runs of one session take turns in this process, so each starts from the state the one before stored.
    internal Task<FlowOutcome> RunAsync(LoginEvent @event, CancellationToken cancellationToken) =>
        RunAsync(@event, WriteFence.None, cancellationToken);

    private Task<FlowOutcome> RunAsync(LoginEvent @event, WriteFence fence, CancellationToken cancellationToken) =>
        refreshes.InTurnAsync(SessionKey, static run => run.Client.RunInTurnAsync(run.Event, run.Fence, run.CancellationToken),
            (Client: this, Event: @event, Fence: fence, CancellationToken: cancellationToken), cancellationToken);

    private async Task<FlowOutcome> RunInTurnAsync(LoginEvent @event, WriteFence fence, CancellationToken cancellationToken) =>
        await interpreter.RunAsync(SessionKey, await LoadAsync(cancellationToken).ConfigureAwait(false), @event, fence, cancellationToken).ConfigureAwait(false);

    private static Either<AuthError, TokenPair> MemberTokens(LoginState state) =>
        LoginQueries.MemberTokens(state).ToEither<AuthError>(() => new AuthError.NotAuthenticated());

    private static AuthResult<string, AuthError> Redirect(FlowOutcome outcome) =>
        outcome.Error is AuthError error ? error
        : outcome.Redirect is string url ? url : new AuthError.UnexpectedEvent(outcome.State.GetType().Name, "no redirect");

    private static WixAuthOptions Validated(WixAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(WixAuthOptions), problems);
    }
}

using System.Collections.Concurrent;

namespace Wix.Auth.Emulator.Model;

/// <summary>
/// All the emulator remembers, in memory. Every change that must happen once (using a code, rotating a refresh
/// token, completing a Redirect Session) is a single <c>TryRemove</c>, so concurrent requests cannot both win.
/// </summary>
internal sealed class EmulatorState(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, AccessTokenGrant> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshTokenGrant> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCode> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SpentCode> spentCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RedirectSession> redirectSessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BrowserSession> browserSessions = new(StringComparer.Ordinal);
    private long issued;

    public EmulatorOptions Options => options;

    public DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public TokenPair IssueTokens(string clientId, Subject subject)
    {
        var refresh = new RefreshTokenGrant(Secrets.New("emu-rt-"), clientId, subject);
        refreshTokens[refresh.Token] = refresh;
        return new TokenPair(IssueAccessToken(clientId, subject), refresh);
    }

    public AccessTokenGrant IssueAccessToken(string clientId, Subject subject)
    {
        var now = Now;
        var access = new AccessTokenGrant(
            Secrets.New("emu-at-"), clientId, subject, now, now + options.AccessTokenLifetime);
        accessTokens[access.Token] = access;
        SweepOccasionally();
        return access;
    }

    /// <summary>The access token if it exists and has not expired; an expired one is forgotten.</summary>
    public AccessTokenGrant? ActiveAccessToken(string token)
    {
        if (!accessTokens.TryGetValue(token, out var grant)) return null;
        if (grant.IsActiveAt(Now)) return grant;
        accessTokens.TryRemove(token, out _);
        return null;
    }

    public RefreshTokenGrant? FindRefreshToken(string token) =>
        refreshTokens.TryGetValue(token, out var grant) ? grant : null;

    /// <summary>Replaces a refresh token by a new one; false when another request already used it.</summary>
    public bool TryRotate(RefreshTokenGrant old, out RefreshTokenGrant rotated)
    {
        rotated = old with { Token = Secrets.New("emu-rt-") };
        if (!refreshTokens.TryRemove(old.Token, out _)) return false;
        refreshTokens[rotated.Token] = rotated;
        return true;
    }

    public string IssueCode(AuthRequest request, DemoMember member)
    {
        var code = new AuthorizationCode(
            Secrets.New("emu-code-"), request.ClientId, request.RedirectUri, request.CodeChallenge, member,
            Now + options.CodeLifetime);
        codes[code.Code] = code;
        return code.Code;
    }

    /// <summary>Removes the code whatever happens next: a code is good for one attempt only.</summary>
    public AuthorizationCode? TakeCode(string code) => codes.TryRemove(code, out var found) ? found : null;

    public void RememberSpent(string code, TokenPair pair) =>
        spentCodes[code] = new SpentCode(pair.Access.Token, pair.Refresh.Token, Now + options.CodeLifetime);

    /// <summary>A second use of a code revokes what the first use obtained (RFC 6749 §4.1.2).</summary>
    public bool RevokeIfSpent(string code)
    {
        if (!spentCodes.TryGetValue(code, out var spent)) return false;
        accessTokens.TryRemove(spent.AccessToken, out _);
        refreshTokens.TryRemove(spent.RefreshToken, out _);
        return true;
    }

    public LoginSession AddLoginSession(AuthRequest request) =>
        Add(new LoginSession(Secrets.New("rs-"), Now + options.RedirectSessionLifetime, request));

    public LogoutSession AddLogoutSession(string clientId, string postFlowUrl) =>
        Add(new LogoutSession(Secrets.New("rs-"), Now + options.RedirectSessionLifetime, clientId, postFlowUrl));

    public RedirectSession? FindRedirectSession(string id) =>
        redirectSessions.TryGetValue(id, out var session) && Now < session.ExpiresAt ? session : null;

    /// <summary>A Redirect Session ends with its first outcome (code, error or logout).</summary>
    public bool TryComplete(RedirectSession session) => redirectSessions.TryRemove(session.Id, out _);

    public BrowserSession StartBrowserSession(DemoMember member)
    {
        var session = new BrowserSession(Secrets.New("emu-sid-"), member);
        browserSessions[session.Id] = session;
        return session;
    }

    public BrowserSession? FindBrowserSession(string? id) =>
        id is not null && browserSessions.TryGetValue(id, out var session) ? session : null;

    public void EndBrowserSession(string? id)
    {
        if (id is not null) browserSessions.TryRemove(id, out _);
    }

    public EmulatorStateSnapshot Snapshot() => new(
        accessTokens.Count, refreshTokens.Count, codes.Count, redirectSessions.Count, browserSessions.Count);

    private T Add<T>(T session) where T : RedirectSession
    {
        redirectSessions[session.Id] = session;
        SweepOccasionally();
        return session;
    }

    /// <summary>
    /// Forgets what has expired, once every 1024 issues, so a long-running emulator does not grow without bound.
    /// Removing by key and value leaves alone an entry that another request has just replaced.
    /// </summary>
    private void SweepOccasionally()
    {
        if (Interlocked.Increment(ref issued) % 1024 != 0) return;
        var now = Now;
        foreach (var entry in accessTokens)
            if (!entry.Value.IsActiveAt(now)) accessTokens.TryRemove(entry);
        foreach (var entry in codes)
            if (now >= entry.Value.ExpiresAt) codes.TryRemove(entry);
        foreach (var entry in redirectSessions)
            if (now >= entry.Value.ExpiresAt) redirectSessions.TryRemove(entry);
        foreach (var entry in spentCodes)
            if (now >= entry.Value.ForgetAt) spentCodes.TryRemove(entry);
        // Refresh tokens do not expire; past the cap, some are revoked (as Wix may), so issuing them has a bound.
        foreach (var entry in refreshTokens.Take(Math.Max(0, refreshTokens.Count - MaxRefreshTokens)).ToList())
            refreshTokens.TryRemove(entry);
        foreach (var entry in browserSessions.Take(Math.Max(0, browserSessions.Count - MaxBrowserSessions)).ToList())
            browserSessions.TryRemove(entry);
    }

    /// <summary>The most refresh tokens kept; more are revoked at the next sweep.</summary>
    public const int MaxRefreshTokens = 100_000;

    private const int MaxBrowserSessions = 100_000;
}

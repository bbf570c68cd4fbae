using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth;

/// <summary>
/// Makes the <see cref="WixAuthClient"/> of any session over one set of shared ports (registered as a singleton). Without
/// <paramref name="memberAuth"/> (the token-info port), each client makes its own over HTTP.
/// </summary>
public sealed class WixAuthClientFactory(
    IOptions<WixAuthOptions> options, IWixApi api, IPendingLoginStore pendingLogins, ISessionStore tokens, TimeProvider time,
    IEntropySource entropy, RefreshCoordinator refreshes, ILoggerFactory loggerFactory, IMemberAuthApi? memberAuth = null)
{
    // The same for every client: made once, not per request.
    private readonly Core.Flow.FlowSettings settings = options.Value.ToFlowSettings();
    private readonly ILogger<WixAuthClient> logger = loggerFactory.CreateLogger<WixAuthClient>();

    /// <summary>The client of the session <paramref name="sessionKey"/>.</summary>
    public WixAuthClient Create(string sessionKey) =>
        new(options.Value, api, pendingLogins, tokens, time, entropy, refreshes, loggerFactory, sessionKey, memberAuth, settings, logger);

    /// <summary>
    /// A client whose session lives for this client only, kept in its own memory and never in the shared store: for a
    /// browser that has no session yet and begins a login. The visitor tokens that pay for the login's Redirect Session
    /// go with the client; the pending login is in the shared store, where any instance's callback finds it. Each such
    /// client has a session key of its own, so unrelated logins never take turns or share a refresh lease.
    /// </summary>
    public WixAuthClient CreateForOneLogin() =>
        new(options.Value, api, pendingLogins, new OneSessionStore(), time, entropy, refreshes, loggerFactory, OneLoginKey(), memberAuth, settings, logger);

    // Unique across the farm too (a refresh lease in a shared store is keyed by it): 128 random bits drawn once per
    // process, then a count, so a login start reads no entropy for its key.
    private static readonly string OneLoginPrefix = "one-login:" + Guid.NewGuid().ToString("N") + ":";
    private static long oneLogins;

    private static string OneLoginKey() => string.Concat(OneLoginPrefix, Interlocked.Increment(ref oneLogins).ToString(System.Globalization.CultureInfo.InvariantCulture));
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Client;

/// <summary>Makes the <see cref="WixAuthClient"/> of any session over one set of shared ports (registered as a singleton).</summary>
public sealed class WixAuthClientFactory(
    IOptions<WixAuthOptions> options, IWixApi api, IPendingLoginStore pendingLogins, ITokenStore tokens, TimeProvider time,
    IEntropySource entropy, IRedirector redirector, RefreshCoordinator refreshes, ILogger<WixAuthClient> logger)
{
    /// <summary>The client of the session <paramref name="sessionKey"/>.</summary>
    public WixAuthClient Create(string sessionKey) =>
        new(options.Value, api, pendingLogins, tokens, time, entropy, redirector, refreshes, logger, sessionKey);
}

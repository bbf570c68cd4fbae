using System.Text;
using Microsoft.JSInterop;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Snapshots;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Blazor.Storage;

/// <summary>
/// The session's state (<see cref="LoginState"/>: the member's tokens, a login in progress) in <c>sessionStorage</c> or
/// <c>localStorage</c> (<see cref="BrowserStorage"/> explains the choice), as the core's versioned snapshot. What cannot
/// be read as one — another version, an edit by hand — is no state, never half a one.
/// </summary>
/// <remarks>
/// Every change is announced by <see cref="Changed"/>: a login, a refresh and a logout all pass through here, whoever
/// started them (a page, the refreshing handler), so the authentication state follows without each caller telling it.
/// </remarks>
public sealed class BrowserSessionStore : ISessionStore
{
    /// <summary>The prefix of the storage keys, followed by the session key.</summary>
    public const string KeyPrefix = "wix-auth:session:";

    private readonly WebStorage storage;

    /// <summary>A store in <paramref name="area"/> of the browser <paramref name="js"/> talks to.</summary>
    public BrowserSessionStore(IJSRuntime js, BrowserStorage area) => storage = new WebStorage(js, area);

    /// <summary>Raised after the state of a session was replaced or forgotten.</summary>
    public event Action? Changed;

    /// <inheritdoc />
    public async ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        await storage.GetAsync(KeyPrefix + sessionKey, cancellationToken).ConfigureAwait(false) is { } json
            ? SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(json)).Case as LoginState
            : null;

    /// <inheritdoc />
    public async ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken)
    {
        await storage.SetAsync(KeyPrefix + sessionKey, Encoding.UTF8.GetString(SessionSnapshots.Serialize(state)), cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
    }

    /// <inheritdoc />
    public async ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken)
    {
        await storage.RemoveAsync(KeyPrefix + sessionKey, cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
    }
}

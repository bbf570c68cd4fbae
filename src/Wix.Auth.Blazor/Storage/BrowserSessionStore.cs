using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.JSInterop;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Snapshots;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Blazor;

/// <summary>
/// The session's state (<see cref="LoginState"/>: the member's tokens, a login in progress) in <c>sessionStorage</c> or
/// <c>localStorage</c> (<see cref="BrowserStorage"/> explains the choice), as the core's versioned snapshot. What cannot
/// be read as one — another version, an edit by hand — is no state, never half a one.
/// </summary>
/// <remarks>
/// Every change is announced by <see cref="Changed"/>: a login, a refresh and a logout all pass through here, whoever
/// started them (a page, the refreshing handler), so the authentication state follows without each caller telling it.
/// In <c>localStorage</c>, which every tab of the site shares, so are the changes another tab makes, once
/// <see cref="WatchOtherTabsAsync"/> has run: a login or a logout in one tab shows in all of them.
/// </remarks>
public sealed class BrowserSessionStore : ISessionStore
{
    /// <summary>The prefix of the storage keys, followed by the session key.</summary>
    public const string KeyPrefix = "wix-auth:session:";

    private const string OtherTabsModule = "./_content/Wix.Auth.Blazor/otherTabs.js";

    private readonly IJSRuntime js;
    private readonly BrowserStorage area;
    private readonly WebStorage storage;
    private DotNetObjectReference<OtherTabs>? otherTabs;

    /// <summary>A store in <paramref name="area"/> of the browser <paramref name="js"/> talks to.</summary>
    public BrowserSessionStore(IJSRuntime js, BrowserStorage area) => (this.js, this.area, storage) = (js, area, new WebStorage(js, area));

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

    /// <summary>
    /// From now on, also raises <see cref="Changed"/> when another tab changes a session (<c>localStorage</c> only: each tab
    /// has its own <c>sessionStorage</c>). Once is enough; a page whose scripts cannot load simply is not told.
    /// </summary>
    [DynamicDependency(nameof(OtherTabs.Changed), typeof(OtherTabs))]
    internal async ValueTask WatchOtherTabsAsync()
    {
        if (area != BrowserStorage.Local || otherTabs is not null) return;
        otherTabs = DotNetObjectReference.Create(new OtherTabs(this));
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", OtherTabsModule).ConfigureAwait(false);
            await module.InvokeVoidAsync("watch", KeyPrefix, otherTabs).ConfigureAwait(false);
        }
        catch (JSException)
        {
            // Not told of other tabs, as before; this tab's own changes are still announced.
        }
    }

    /// <inheritdoc />
    public async ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken)
    {
        await storage.RemoveAsync(KeyPrefix + sessionKey, cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
    }

    /// <summary>What the page's <c>storage</c> listener calls.</summary>
    internal sealed class OtherTabs(BrowserSessionStore store)
    {
        /// <summary>Another tab changed a session.</summary>
        [JSInvokable]
        public void Changed() => store.Changed?.Invoke();
    }
}

using System.Globalization;
using System.Text;
using Microsoft.JSInterop;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Snapshots;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Blazor;

/// <summary>
/// Pending logins in this tab's <c>sessionStorage</c>, keyed by <c>state</c>, each with its expiry: what the seed keeps
/// "locally" between the redirect to Wix and the return. <c>sessionStorage</c> survives the round trip through Wix (same
/// tab, same origin) but no other tab can see it, so a callback that lands in another tab finds no pending login there and
/// cannot complete this tab's login — nor spend its code.
/// </summary>
/// <remarks>
/// The entries hold the PKCE verifier, readable by any script on the origin, as in every browser client; the verifier is
/// worth nothing without a code, which Wix sends only to the registered redirect URI. The browser's storage quota bounds
/// the area, and a login that replaces an unfinished one deletes it (the core asks for that), so a tab holds one or two.
/// </remarks>
public sealed class BrowserPendingLoginStore : IPendingLoginStore
{
    /// <summary>The prefix of the storage keys, followed by the state.</summary>
    public const string KeyPrefix = "wix-auth:pending:";

    private readonly WebStorage storage;
    private readonly TimeProvider time;

    /// <summary>A store in the <c>sessionStorage</c> of the browser <paramref name="js"/> talks to, expiring entries by <paramref name="time"/>.</summary>
    public BrowserPendingLoginStore(IJSRuntime js, TimeProvider time)
    {
        storage = new WebStorage(js, BrowserStorage.Session);
        this.time = time;
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(PendingLogin pending, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var expiresAt = (time.GetUtcNow() + timeToLive).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return storage.SetAsync(KeyPrefix + pending.Data.State, expiresAt + "|" + Encoding.UTF8.GetString(SessionSnapshots.Serialize(pending)), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<PendingLogin?> FindAsync(string state, CancellationToken cancellationToken) =>
        Live(await storage.GetAsync(KeyPrefix + state, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    /// <remarks>In WebAssembly nothing runs between the read and the removal (see WebStorage), so the entry goes to one taker.</remarks>
    public async ValueTask<PendingLogin?> TakeAsync(string state, CancellationToken cancellationToken)
    {
        var stored = await storage.GetAsync(KeyPrefix + state, cancellationToken).ConfigureAwait(false);
        if (stored is null) return null;
        await storage.RemoveAsync(KeyPrefix + state, cancellationToken).ConfigureAwait(false);
        return Live(stored);
    }

    // "{expiry in Unix ms}|{snapshot}"; an expired or unreadable entry is none.
    private PendingLogin? Live(string? stored)
    {
        if (stored?.IndexOf('|', StringComparison.Ordinal) is not (> 0 and var bar)
            || !long.TryParse(stored.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || DateTimeOffset.FromUnixTimeMilliseconds(expiresAt) <= time.GetUtcNow())
            return null;
        return SessionSnapshots.DeserializePendingLogin(Encoding.UTF8.GetBytes(stored[(bar + 1)..])).Case as PendingLogin;
    }
}

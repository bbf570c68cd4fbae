using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth;

/// <summary>
/// The store of a client that serves one session only (<see cref="WixAuthClientFactory.CreateForOneLogin"/>): one entry
/// in a field, so a login that has no session yet costs no dictionary.
/// </summary>
internal sealed class OneSessionStore : ISessionStore
{
    private volatile Entry? entry;

    /// <inheritdoc />
    public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entry is { } e && e.Key == sessionKey ? e.State : null);

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken)
    {
        entry = new Entry(sessionKey, state);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken)
    {
        if (entry is { } e && e.Key == sessionKey) entry = null;
        return ValueTask.CompletedTask;
    }

    private sealed record Entry(string Key, LoginState State);
}

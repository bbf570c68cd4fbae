using System.Collections.Concurrent;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Core.Flow;

namespace Wix.Auth;

/// <summary>Session states in this process's memory.</summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, LoginState> entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entries.TryGetValue(sessionKey, out var state) ? state : null);

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken)
    {
        entries[sessionKey] = state;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken)
    {
        entries.TryRemove(sessionKey, out _);
        return ValueTask.CompletedTask;
    }
}

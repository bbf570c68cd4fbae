using System.Collections.Concurrent;
using LanguageExt;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Effects.Storage;

/// <summary>Tokens in this process's memory.</summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly ConcurrentDictionary<string, TokenPair> entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<Option<TokenPair>> GetAsync(string sessionKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entries.TryGetValue(sessionKey, out var tokens) ? Some(tokens) : None);

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, TokenPair tokens, CancellationToken cancellationToken)
    {
        entries[sessionKey] = tokens;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken)
    {
        entries.TryRemove(sessionKey, out _);
        return ValueTask.CompletedTask;
    }
}

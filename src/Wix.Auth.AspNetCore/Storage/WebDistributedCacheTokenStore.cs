using System.Text.Json;
using LanguageExt;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Tokens.Tokens;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// Members' tokens in an <see cref="IDistributedCache"/> (Redis), so every instance of the site sees every session. One
/// value per session, written whole, so a reader sees the old pair or the new one. Kept until unused for the idle timeout.
/// </summary>
/// <remarks>The web host's own until the effects layer's distributed store lands; then this one should go.</remarks>
internal sealed class WebDistributedCacheTokenStore(IDistributedCache cache, IOptions<WixAuthWebOptions> options) : ITokenStore
{
    private const string Prefix = "wix:tokens:";

    /// <inheritdoc />
    public async ValueTask<Option<TokenPair>> GetAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetAsync(Prefix + sessionKey, cancellationToken).ConfigureAwait(false);
        return bytes is null ? None : Optional(JsonSerializer.Deserialize(bytes, WebJsonContext.Default.StoredTokens)).Map(t => t.ToTokens());
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string sessionKey, TokenPair tokens, CancellationToken cancellationToken) =>
        await cache.SetAsync(Prefix + sessionKey, JsonSerializer.SerializeToUtf8Bytes(StoredTokens.From(tokens), WebJsonContext.Default.StoredTokens),
            new DistributedCacheEntryOptions { SlidingExpiration = options.Value.SessionIdleTimeout }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) =>
        await cache.RemoveAsync(Prefix + sessionKey, cancellationToken).ConfigureAwait(false);
}

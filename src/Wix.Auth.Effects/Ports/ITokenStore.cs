using LanguageExt;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Effects.Ports;

/// <summary>Where a client's tokens live, per session key (one per member session on a web site; one for a console app).</summary>
public interface ITokenStore
{
    /// <summary>The tokens of <paramref name="sessionKey"/>, if any.</summary>
    ValueTask<Option<TokenPair>> GetAsync(string sessionKey, CancellationToken cancellationToken);

    /// <summary>Replaces the tokens of <paramref name="sessionKey"/>; readers see the old or the new pair, never a mix.</summary>
    ValueTask SetAsync(string sessionKey, TokenPair tokens, CancellationToken cancellationToken);

    /// <summary>Forgets the tokens of <paramref name="sessionKey"/>.</summary>
    ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken);
}

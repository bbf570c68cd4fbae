namespace Wix.Auth;

/// <summary>What an <see cref="IBrowser"/> is asked to do for one login.</summary>
/// <param name="StartUrl">Wix's login page for this login (from <c>GetAuthUrlAsync</c>).</param>
/// <param name="EndUrl">The redirect URI: the browser is done when it is sent there.</param>
public sealed record BrowserOptions(string StartUrl, string EndUrl)
{
    /// <summary>How long the member has to log in; the browser answers <see cref="BrowserResultType.Timeout"/> after it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The <c>state</c> this login's callback carries. A browser that other programs can reach too (a loopback listener)
    /// ignores callbacks without it, so a stray or forged request cannot end the login; null to take the first callback.
    /// </summary>
    public string? State { get; init; }

    /// <summary>The options without the state, which is a one-time secret of the login.</summary>
    public override string ToString() => $"{nameof(BrowserOptions)} {{ EndUrl = {EndUrl}, Timeout = {Timeout} }}";
}

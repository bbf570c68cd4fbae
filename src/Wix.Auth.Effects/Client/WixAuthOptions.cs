using Wix.Auth.Core.Protocol;

namespace Wix.Auth;

/// <summary>Settings of a Wix Headless login client; validated at start-up when registered with <c>AddWixAuth</c>.</summary>
public sealed class WixAuthOptions
{
    /// <summary>The Headless OAuth app's client ID. Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Wix's API base URL; change it to use the emulator. Default <c>https://www.wixapis.com</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new(WireNames.DefaultBaseUrl);

    /// <summary>
    /// Where Wix sends the member back after a login (<c>https://shop.example/callback</c>, or a native app's
    /// <c>com.example.app:/callback</c>): one of the OAuth app's allowed redirect URIs. The default of every call that takes
    /// a redirect URI; a web host builds its own from <c>PublicOrigin</c>. Null by default: each call names it.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>
    /// Where a member lands after logging out (<c>https://shop.example/</c>), when a logout names no page: local, on the
    /// redirect URI's origin or on an allowed one. Null by default: each logout names it.
    /// </summary>
    public string? PostLogoutRedirectUri { get; set; }

    /// <summary>How long a pending login waits for its callback. Default 10 minutes.</summary>
    public TimeSpan PendingLoginTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long before expiry a token is refreshed. Default 60 s.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The one list of origins (<c>https://shop.example</c>) that members may be sent back to — original URIs, post-logout
    /// URLs, a web host's <c>returnUrl</c> — besides local paths and the redirect URI's own origin, which are always
    /// allowed. Empty by default: only the site itself.
    /// </summary>
    public IList<string> AllowedRedirectOrigins { get; } = new List<string>();

    /// <summary>
    /// Wix's issuer identifier (RFC 9207), when known: callbacks whose <c>iss</c> differs or is missing are refused.
    /// Null by default: <c>iss</c> is not checked. Every way to complete a login passes the callback's <c>iss</c>: a parsed
    /// callback URL carries it; <c>GetMemberTokensAsync(code, state, oauthData, iss)</c> takes it.
    /// </summary>
    public string? ExpectedIssuer { get; set; }

    /// <summary>The longest one attempt of a call to Wix may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most retries of a failed call, as far as its request's <c>RepeatPolicy</c> allows (visitor tokens, refresh,
    /// Redirect Sessions after any transient failure; the code exchange only when it never reached Wix); 0 turns
    /// retries off. Default 3.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between retries, whatever <c>Retry-After</c> says. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options; none means they are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("http" or "https")) yield return "ApiBaseUrl must be an absolute http(s) URL.";
        if (AttemptTimeout <= TimeSpan.Zero) yield return "AttemptTimeout must be positive.";
        if (MaxRetries is < 0 or > 10) yield return "MaxRetries must be between 0 and 10.";
        if (RedirectUri is not null && !Core.OAuth.Pkce.IsValidRedirectUri(RedirectUri))
            yield return "RedirectUri must be an absolute URI with its scheme and no fragment.";
        if (PostLogoutRedirectUri is not null && Core.Urls.ReturnUrl.Check(PostLogoutRedirectUri, LanguageExt.Prelude.Optional(RedirectUri), AllowedOrigins()).IsLeft)
            yield return "PostLogoutRedirectUri must be a local path, or an http(s) URL on the redirect URI's origin or an allowed one.";
        foreach (var error in ToFlowSettings().Validate().Match(_ => [], errors => errors.Map(e => e.Message)))
            yield return error.Replace("The client ID", "ClientId: the client ID", StringComparison.Ordinal);
    }

    /// <summary>The core's view of these settings.</summary>
    internal Core.Flow.FlowSettings ToFlowSettings() => new(ClientId)
    {
        PendingLoginTtl = PendingLoginTtl,
        RefreshMargin = RefreshMargin,
        AllowedOrigins = AllowedOrigins(),
        ExpectedIssuer = LanguageExt.Prelude.Optional(ExpectedIssuer),
    };

    private LanguageExt.Seq<string> AllowedOrigins() => LanguageExt.Prelude.toSeq(AllowedRedirectOrigins).Strict();

    /// <summary>The core's view of these settings for the site's own forms: a mailed code lives as long as a pending login.</summary>
    internal Core.Members.MemberFormSettings ToMemberFormSettings() => new() { VerificationTtl = PendingLoginTtl };
}

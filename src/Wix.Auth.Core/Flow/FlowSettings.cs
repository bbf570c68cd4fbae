using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Urls;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Flow;

/// <summary>The fixed inputs of every transition: which OAuth app logs members in, and the host's policies.</summary>
/// <param name="ClientId">The Wix Headless OAuth app's client ID.</param>
public sealed record FlowSettings(string ClientId)
{
    /// <summary>How long a pending login waits for its callback. Default 10 minutes (the RFCs' advice for codes).</summary>
    public TimeSpan PendingLoginTtl { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long before its expiry an access token is treated as expired. Default 60 s; the SDK has none.</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Origins (<c>https://shop.example</c>) that return URLs may point to besides local paths and the redirect URI's own
    /// origin (<see cref="ReturnUrl"/>). Empty by default: only the site itself.
    /// </summary>
    public Seq<string> AllowedOrigins { get; init; } = Seq<string>();

    /// <summary>
    /// Wix's issuer identifier, when the host knows it: a callback whose <c>iss</c> is another (or missing) is refused
    /// (RFC 9207, mix-up defence). None by default, and then <c>iss</c> is not checked.
    /// </summary>
    public Option<string> ExpectedIssuer { get; init; } = None;

    /// <summary>Every problem with these settings, or the settings.</summary>
    public Validation<AuthError, FlowSettings> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("The client ID is empty.");
        if (PendingLoginTtl <= TimeSpan.Zero) problems.Add("The pending-login TTL must be positive.");
        if (RefreshMargin < TimeSpan.Zero) problems.Add("The refresh margin must not be negative.");
        problems.AddRange(AllowedOrigins.Filter(o => !ReturnUrl.IsOrigin(o)).Map(o => $"'{o}' is not an origin."));
        if (ExpectedIssuer.Exists(string.IsNullOrWhiteSpace)) problems.Add("The expected issuer is empty.");
        return problems.Count == 0
            ? Success<AuthError, FlowSettings>(this)
            : Fail<AuthError, FlowSettings>(problems.Map(p => (AuthError)new AuthError.InvalidSettings(p)).ToSeq());
    }
}

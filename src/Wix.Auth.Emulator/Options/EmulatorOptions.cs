using Microsoft.Extensions.Logging;

namespace Wix.Auth.Emulator;

/// <summary>Everything an emulator is configured with at start. The defaults are the demo app and members.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The OAuth apps (client IDs) the emulator accepts.</summary>
    public IReadOnlyList<OAuthApp> Apps { get; init; } = [DemoData.App];

    /// <summary>The members who can log in.</summary>
    public IReadOnlyList<DemoMember> Members { get; init; } = DemoData.Members;

    /// <summary>How long an access token lives; reported as <c>expires_in</c>. Wix: 4 hours.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromSeconds(14_400);

    /// <summary>How long an authorization code can be exchanged.</summary>
    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a Redirect Session's <c>fullUrl</c> can be opened.</summary>
    public TimeSpan RedirectSessionLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>When true, each refresh issues a new refresh token and invalidates the one presented.</summary>
    public bool RotateRefreshTokens { get; init; }

    /// <summary>The clock for every expiry; a fake one lets tests watch tokens and codes expire.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Faults active from the first request.</summary>
    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];

    /// <summary>Seed of the random source that decides fractional faults; null for an unseeded one.</summary>
    public int? FaultSeed { get; init; }

    /// <summary>The largest request body accepted; a larger one gets 413 and changes nothing.</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>How many requests the request log keeps (oldest dropped first).</summary>
    public int RequestLogCapacity { get; init; } = 10_000;

    /// <summary>The site ID reported by token info.</summary>
    public string SiteId { get; init; } = DemoData.SiteId;

    /// <summary>
    /// Whether the login page lists the configured members (handy on a developer's machine): by email, with the password
    /// only for the built-in demo members (<see cref="DemoData.Members"/>), whose passwords are published.
    /// </summary>
    public bool ShowMembersOnLoginPage { get; init; } = true;

    /// <summary>The site's own login and sign-up forms, verification, password reset, social and external login.</summary>
    public MemberAuthOptions MemberAuth { get; init; } = new();

    /// <summary>The lowest log level written to the console; in-process emulators stay quiet by default.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Throws when the options cannot make a working emulator, so a mistake shows at start, not at the first request.</summary>
    /// <exception cref="ArgumentException">A value is out of range or ambiguous.</exception>
    public void Validate()
    {
        if (AccessTokenLifetime <= TimeSpan.Zero) throw new ArgumentException("AccessTokenLifetime must be positive.");
        if (CodeLifetime <= TimeSpan.Zero) throw new ArgumentException("CodeLifetime must be positive.");
        if (RedirectSessionLifetime <= TimeSpan.Zero) throw new ArgumentException("RedirectSessionLifetime must be positive.");
        if (MaxBodyBytes <= 0) throw new ArgumentException("MaxBodyBytes must be positive.");
        if (RequestLogCapacity <= 0) throw new ArgumentException("RequestLogCapacity must be positive.");
        if (Apps.Select(a => a.ClientId).Distinct(StringComparer.Ordinal).Count() != Apps.Count)
            throw new ArgumentException("Each app needs its own client ID.");
        if (Members.Select(m => m.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Members.Count)
            throw new ArgumentException("Each member needs their own email.");
        foreach (var fault in Faults) fault.Validate();
        MemberAuth.Validate();
    }
}

namespace Wix.Auth.Emulator;

/// <summary>
/// How the emulator answers a site's own login and sign-up forms, verification, password reset, social and external
/// login. The three switches can also be changed while it runs (<c>POST /_emulator/member-auth</c>).
/// </summary>
public sealed record MemberAuthOptions
{
    /// <summary>Google's identity-provider ID, as <c>@wix/sdk</c> sends it for <c>idp: 'google'</c>.</summary>
    public const string GoogleIdp = "0e6a50f5-b523-4e29-990d-f37fa2ffdd69";

    /// <summary>Facebook's identity-provider ID, as <c>@wix/sdk</c> sends it for <c>idp: 'facebook'</c>.</summary>
    public const string FacebookIdp = "3ecad13f-52c3-483d-911f-31dbcf2a6d23";

    /// <summary>
    /// A member whose email is not verified must enter a code mailed to the outbox before logging in; a new
    /// registration always starts unverified.
    /// </summary>
    public bool RequireEmailVerification { get; init; } = true;

    /// <summary>A new registration waits for the site owner's approval (<c>POST /_emulator/members/{id}/approve</c>).</summary>
    public bool RequireOwnerApproval { get; init; }

    /// <summary>Login and registration need a captcha token that is one of <see cref="AcceptedCaptchaTokens"/>.</summary>
    public bool RequireCaptcha { get; init; }

    /// <summary>Captcha tokens the emulator takes as solved; any other token given is invalid, even when captcha is not required.</summary>
    public IReadOnlyList<string> AcceptedCaptchaTokens { get; init; } = ["emulator-captcha-solved"];

    /// <summary>API keys a trusted back end may use for external login (<c>authorized_client</c>) and Sign On.</summary>
    public IReadOnlyList<EmulatorApiKey> ApiKeys { get; init; } = [];

    /// <summary>Identity providers for social login, by the ID sent as <c>idp</c>: Google and Facebook.</summary>
    public IReadOnlyDictionary<string, string> IdentityProviders { get; init; } = new Dictionary<string, string>
    {
        [GoogleIdp] = "Google",
        [FacebookIdp] = "Facebook",
    };

    /// <summary>How many members the emulator holds, configured and registered; a registration beyond it is refused.</summary>
    public int MaxMembers { get; init; } = 10_000;

    /// <summary>How many session, state and recovery tokens each may be outstanding; the oldest are dropped beyond it.</summary>
    public int MaxPendingTokens { get; init; } = 10_000;

    /// <summary>How many mails the outbox keeps (oldest dropped first).</summary>
    public int OutboxCapacity { get; init; } = 1_000;

    /// <summary>The shortest password a registration or reset may set.</summary>
    public int MinPasswordLength { get; init; } = 4;

    /// <summary>How many wrong codes a verification takes before its state token is void.</summary>
    public int MaxVerificationAttempts { get; init; } = 5;

    /// <summary>How long a session token (from login, registration, verification or Sign On) can be redeemed.</summary>
    public TimeSpan SessionTokenLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a verification's state token and its code stay valid.</summary>
    public TimeSpan StateTokenLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a password-reset link stays valid.</summary>
    public TimeSpan RecoveryTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Throws when the settings cannot make a working emulator.</summary>
    /// <exception cref="ArgumentException">A value is out of range or ambiguous.</exception>
    public void Validate()
    {
        if (MaxMembers <= 0 || MaxPendingTokens <= 0 || OutboxCapacity <= 0)
            throw new ArgumentException("MaxMembers, MaxPendingTokens and OutboxCapacity must be positive.");
        if (MinPasswordLength <= 0) throw new ArgumentException("MinPasswordLength must be positive.");
        if (MaxVerificationAttempts <= 0) throw new ArgumentException("MaxVerificationAttempts must be positive.");
        if (SessionTokenLifetime <= TimeSpan.Zero || StateTokenLifetime <= TimeSpan.Zero || RecoveryTokenLifetime <= TimeSpan.Zero)
            throw new ArgumentException("Token lifetimes must be positive.");
        if (ApiKeys.Any(k => string.IsNullOrEmpty(k.Key) || k.Key.Contains(',')))
            throw new ArgumentException("An API key must be non-empty and contain no comma.");
        if (ApiKeys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != ApiKeys.Count)
            throw new ArgumentException("Each API key must be distinct.");
    }
}

/// <summary>An API key of the site, for trusted back ends.</summary>
/// <param name="Key">The key, sent after the comma in <c>Authorization</c>.</param>
/// <param name="ClientId">The OAuth app whose member tokens it may issue.</param>
/// <param name="CanLogInMembers">Whether it may use the <c>authorized_client</c> grant.</param>
/// <param name="CanSignOn">Whether it holds <c>IAM.AUTHENTICAITON_SIGN_ON</c> (sic), for Sign On.</param>
public sealed record EmulatorApiKey(string Key, string ClientId, bool CanLogInMembers = true, bool CanSignOn = true)
{
    /// <summary>Never the key itself.</summary>
    public override string ToString() => $"EmulatorApiKey {{ Key = ***, ClientId = {ClientId} }}";
}

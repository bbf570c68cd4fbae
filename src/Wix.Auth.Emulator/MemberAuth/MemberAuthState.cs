using System.Security.Cryptography;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>The switches that can change while the emulator runs; each read sees one consistent set.</summary>
internal sealed record MemberAuthSwitches(bool RequireEmailVerification, bool RequireOwnerApproval, bool RequireCaptcha);

/// <summary>Where a login, registration, verification or reset stands after the server's decision.</summary>
internal abstract record AuthStep
{
    private AuthStep() { }

    public sealed record Success(MemberAccount Member, string SessionToken) : AuthStep;

    public sealed record EmailVerificationRequired(MemberAccount Member, string StateToken) : AuthStep;

    public sealed record OwnerApprovalRequired(MemberAccount Member) : AuthStep;
}

/// <summary>
/// Everything the member-auth endpoints share: the members, the outstanding tokens, the outbox and the switches.
/// Every store is bounded (<see cref="MemberAuthOptions"/>).
/// </summary>
internal sealed class MemberAuthState
{
    private MemberAuthSwitches switches;

    public MemberAuthState(EmulatorOptions options, Observation.SecretValues secrets)
    {
        Secrets = secrets;
        Options = options.MemberAuth;
        Clock = options.TimeProvider;
        switches = new(Options.RequireEmailVerification, Options.RequireOwnerApproval, Options.RequireCaptcha);
        Members = new MemberDirectory(options);
        SessionTokens = new("emu-st-", Options.MaxPendingTokens, Clock);
        StateTokens = new("emu-vt-", Options.MaxPendingTokens, Clock);
        RecoveryTokens = new("emu-rec-", Options.MaxPendingTokens, Clock);
        Outbox = new EmulatorOutbox(Options.OutboxCapacity);
        ApiKeys = Options.ApiKeys.ToDictionary(k => k.Key, StringComparer.Ordinal);
    }

    public MemberAuthOptions Options { get; }

    /// <summary>Secrets the request log masks: new passwords and the verification codes mailed are added to it.</summary>
    public Observation.SecretValues Secrets { get; }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public MemberDirectory Members { get; }

    public TicketStore<SessionTicket> SessionTokens { get; }

    public TicketStore<VerificationTicket> StateTokens { get; }

    public TicketStore<RecoveryTicket> RecoveryTokens { get; }

    public EmulatorOutbox Outbox { get; }

    public IReadOnlyDictionary<string, EmulatorApiKey> ApiKeys { get; }

    public MemberAuthSwitches Switches
    {
        get => Volatile.Read(ref switches);
        set => Volatile.Write(ref switches, value);
    }

    /// <summary>After the password (or a code, or a reset) proved who the member is: what the member must do next.</summary>
    public AuthStep Continue(MemberAccount member, string clientId)
    {
        var now = Switches;
        if (now.RequireEmailVerification && !member.EmailVerified) return StartVerification(member, clientId);
        if (!member.Approved) return new AuthStep.OwnerApprovalRequired(member);
        return new AuthStep.Success(member, SessionTokens.Add(new SessionTicket(member.Id, clientId, FromSignOn: false), Options.SessionTokenLifetime));
    }

    private AuthStep StartVerification(MemberAccount member, string clientId)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        Secrets.Add(code);
        var stateToken = StateTokens.Add(new VerificationTicket(member.Id, clientId, code, 0), Options.StateTokenLifetime);
        Outbox.Send(Now, member.Email, OutboxMailKind.VerificationCode, "Your verification code",
            $"Enter {code} to verify your email. It expires in {Options.StateTokenLifetime.TotalMinutes:0} minutes.", code: code);
        return new AuthStep.EmailVerificationRequired(member, stateToken);
    }
}

using System.Collections.Concurrent;

namespace Wix.Auth.Emulator;

/// <summary>
/// The mails the emulator would have sent (verification codes, password-reset links), kept like a mail catcher so a
/// test or a developer can read them: <c>GET /_emulator/outbox</c>. Bounded: the oldest are dropped first.
/// </summary>
public sealed class EmulatorOutbox
{
    private readonly ConcurrentQueue<OutboxMail> mails = new();
    private readonly int capacity;
    private long sequence;

    internal EmulatorOutbox(int capacity) => this.capacity = capacity;

    /// <summary>Every kept mail, oldest first.</summary>
    public IReadOnlyList<OutboxMail> Mails => [.. mails.OrderBy(m => m.Sequence)];

    /// <summary>The mails sent to one address (case-insensitive), oldest first.</summary>
    public IReadOnlyList<OutboxMail> To(string email) =>
        [.. Mails.Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Forgets every mail.</summary>
    public void Clear() => mails.Clear();

    internal OutboxMail Send(DateTimeOffset at, string to, OutboxMailKind kind, string subject, string text,
        string? code = null, string? link = null, string? recoveryToken = null)
    {
        var mail = new OutboxMail(Interlocked.Increment(ref sequence), at, to, kind, subject, text, code, link, recoveryToken);
        mails.Enqueue(mail);
        while (mails.Count > capacity && mails.TryDequeue(out _))
        {
        }
        return mail;
    }
}

/// <summary>Why a mail was sent.</summary>
public enum OutboxMailKind
{
    /// <summary>A code to verify the email during login or registration.</summary>
    VerificationCode,

    /// <summary>A link to choose a new password.</summary>
    PasswordReset,
}

/// <summary>One mail in the outbox.</summary>
/// <param name="Sequence">Order of sending, from 1.</param>
/// <param name="At">When it was sent, by the emulator's clock.</param>
/// <param name="To">The recipient.</param>
/// <param name="Kind">Verification code or password reset.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Code">The verification code (six digits), for <see cref="OutboxMailKind.VerificationCode"/>.</param>
/// <param name="Link">The reset link: the site's redirect URL with <c>recoveryToken</c> added to its query.</param>
/// <param name="RecoveryToken">The token <c>POST /_api/iam/recovery/v1/recover</c> takes.</param>
public sealed record OutboxMail(
    long Sequence,
    DateTimeOffset At,
    string To,
    OutboxMailKind Kind,
    string Subject,
    string Text,
    string? Code,
    string? Link,
    string? RecoveryToken);

using Wix.Auth.Core.Errors;

namespace Wix.Auth.Core.Protocol;

/// <summary>
/// Whether a request to Wix may be sent again after an attempt failed, and why. Every request of the protocol
/// (<see cref="WixRequest"/>, <see cref="MemberAuthRequest"/>) declares one; the HTTP layer only follows it, within the
/// host's retry budget. There is no "never" case: an attempt that provably never reached Wix used nothing up, so
/// every request may at least be sent again then.
/// </summary>
public abstract record RepeatPolicy
{
    private RepeatPolicy(string reason) => Reason = reason;

    /// <summary>Why the request may be repeated so far and no further, in a sentence.</summary>
    public string Reason { get; }

    /// <summary>True when the request may be sent again after an attempt that ended with <paramref name="failed"/>.</summary>
    /// <param name="failed">How the last attempt ended.</param>
    public abstract bool AllowsAnotherAttempt(AttemptOutcome failed);

    /// <summary>
    /// Safe to repeat: sending the request twice uses up nothing and harms nothing, so every transient failure
    /// (<see cref="AttemptOutcome.IsTransientFailure"/>) may be followed by another attempt.
    /// </summary>
    /// <param name="Reason">Why repeating this request is harmless.</param>
    public sealed record Safe(string Reason) : RepeatPolicy(Reason)
    {
        /// <inheritdoc />
        public override bool AllowsAnotherAttempt(AttemptOutcome failed) => failed.IsTransientFailure;
    }

    /// <summary>
    /// Repeated only when the attempt provably never reached Wix (<see cref="AttemptOutcome.NeverSent"/>): the
    /// request uses something up once Wix has seen it (a single-use code or token, a password or code attempt that
    /// counts against Wix's limits, a mail), so after an answer, a timeout or a lost connection it is not sent again.
    /// </summary>
    /// <param name="Reason">What one attempt that reached Wix uses up.</param>
    public sealed record OnlyIfNeverSent(string Reason) : RepeatPolicy(Reason)
    {
        /// <inheritdoc />
        public override bool AllowsAnotherAttempt(AttemptOutcome failed) => failed is AttemptOutcome.NeverSent;
    }
}

/// <summary>
/// How one attempt at a request ended, in the terms that decide whether it may be repeated: Wix's HTTP status, or
/// why no answer came. The HTTP layer translates what it observed into one of these and asks the request's
/// <see cref="RepeatPolicy"/>.
/// </summary>
public abstract record AttemptOutcome
{
    private AttemptOutcome() { }

    /// <summary>
    /// True when the attempt failed in a way that another attempt may not: no answer at all, or an answer
    /// <see cref="WixError.IsTransientStatus"/> calls transient. A <c>200</c> is no failure.
    /// </summary>
    public abstract bool IsTransientFailure { get; }

    /// <summary>Wix answered with <paramref name="Status"/>.</summary>
    /// <param name="Status">The HTTP status.</param>
    public sealed record Answered(int Status) : AttemptOutcome
    {
        /// <inheritdoc />
        public override bool IsTransientFailure => Status != 200 && WixError.IsTransientStatus(Status);
    }

    /// <summary>
    /// No connection could be made (refused, host not found, network or host unreachable): the request provably
    /// never reached Wix.
    /// </summary>
    public sealed record NeverSent : AttemptOutcome
    {
        /// <summary>The one instance.</summary>
        public static readonly NeverSent Instance = new();

        /// <inheritdoc />
        public override bool IsTransientFailure => true;
    }

    /// <summary>The connection failed or was dropped after it was made: Wix may have seen the request.</summary>
    public sealed record ConnectionLost : AttemptOutcome
    {
        /// <summary>The one instance.</summary>
        public static readonly ConnectionLost Instance = new();

        /// <inheritdoc />
        public override bool IsTransientFailure => true;
    }

    /// <summary>No answer within the attempt's timeout: Wix may have seen the request, and may still answer it.</summary>
    public sealed record TimedOut : AttemptOutcome
    {
        /// <summary>The one instance.</summary>
        public static readonly TimedOut Instance = new();

        /// <inheritdoc />
        public override bool IsTransientFailure => true;
    }
}

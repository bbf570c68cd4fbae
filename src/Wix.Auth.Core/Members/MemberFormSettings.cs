namespace Wix.Auth.Core.Members;

/// <summary>The host's policies for the site's own forms; the same for every visitor.</summary>
public sealed record MemberFormSettings
{
    /// <summary>How long a mailed code may be entered. Default 10 minutes, a pending login's TTL.</summary>
    public TimeSpan VerificationTtl { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many codes may be entered for one verification: the last wrong one ends it
    /// (<see cref="MemberAuthError.TooManyWrongCodes"/>). Default 5.
    /// </summary>
    public int MaxCodeAttempts { get; init; } = 5;

    /// <summary>
    /// When true, a sign-up with a member's address is answered like a new member's ("a code was mailed"), and every code
    /// for it is wrong, so the form does not tell who is a member. Default false: the visitor is told the address is taken.
    /// </summary>
    public bool HideExistingMembersAtSignUp { get; init; }
}

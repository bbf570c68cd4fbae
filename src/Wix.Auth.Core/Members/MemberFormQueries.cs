using LanguageExt;
using Wix.Auth.Core.Flow;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Members;

/// <summary>
/// The questions hosts of the site's own forms ask between requests, answered by the protocol's rules: whether a
/// verification the browser carries is still good, whether it outlives an answer, and which failures a form must answer
/// as a success so that it does not tell who is a member.
/// </summary>
public static class MemberFormQueries
{
    /// <summary>
    /// The verification a browser carries, when it is still good at <paramref name="now"/>: issued at most the pending-login
    /// TTL before (the same bound as a login's). A ticket replayed after that is <see cref="MemberAuthError.Expired"/>,
    /// whatever its cookie's lifetime said.
    /// </summary>
    public static Either<MemberAuthError, Unit> CheckVerificationAge(FlowSettings settings, DateTimeOffset issuedAt, DateTimeOffset now) =>
        now - issuedAt > settings.PendingLoginTtl ? Left<MemberAuthError, Unit>(new MemberAuthError.Expired()) : Right<MemberAuthError, Unit>(unit);

    /// <summary>
    /// True when the verification survives this failed attempt, so the host keeps its ticket: only a wrong code may be tried
    /// again (Wix voids the code after its own number of tries); any other outcome ends it and the ticket is deleted.
    /// </summary>
    public static bool KeepsVerification(MemberAuthError error) => error is MemberAuthError.WrongVerificationCode;

    /// <summary>
    /// True when <paramref name="error"/> would tell whether an address belongs to a member, so the form answers as if the
    /// call had succeeded: a reset mail to an unknown address is "sent"; with <paramref name="hideAtSignUp"/>, a sign-up
    /// with a member's address is "a code was mailed", and that verification answers every code as wrong
    /// (<see cref="DecoyVerificationAnswer"/>).
    /// </summary>
    public static bool AnswersAsSuccess(MemberAuthCall call, MemberAuthError error, bool hideAtSignUp) => (call, error) switch
    {
        (MemberAuthCall.SendRecoveryEmail, MemberAuthError.MemberNotFound) => true,
        (MemberAuthCall.Register, MemberAuthError.EmailAlreadyExists) => hideAtSignUp,
        _ => false,
    };

    /// <summary>
    /// What a code for a verification that was never mailed (the answer of <see cref="AnswersAsSuccess"/> at sign-up) comes
    /// to, whatever Wix said of it: a wrong code, as a member who mistyped would be told, until the ticket expires.
    /// </summary>
    public static MemberAuthError DecoyVerificationAnswer() => new MemberAuthError.WrongVerificationCode();
}

namespace Wix.Auth.Core.Errors;

/// <summary>
/// What every closed set of expected failures has in common (<see cref="AuthError"/>, <see cref="Members.MemberAuthError"/>):
/// a stable code to match on and a sentence for people, neither of which ever holds a secret.
/// </summary>
public interface ICodedError
{
    /// <summary>A stable, snake_case identifier of the kind of failure.</summary>
    string Code { get; }

    /// <summary>A sentence for people.</summary>
    string Message { get; }
}

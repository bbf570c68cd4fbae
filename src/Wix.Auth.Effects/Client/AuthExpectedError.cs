using LanguageExt.Common;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Effects.Client;

/// <summary>A typed error as LanguageExt's <see cref="Expected"/> error, for <see cref="AuthResult{T, TError}.ToFin"/>.</summary>
/// <param name="Failure">The typed error (an <see cref="AuthError"/> or a <see cref="Core.Members.MemberAuthError"/>), with its stable code.</param>
public sealed record AuthExpectedError(ICodedError Failure) : Expected($"{Failure.Code}: {Failure.Message}", 0, default)
{
    /// <summary>The login flow's error, when the failure is one.</summary>
    public AuthError? AuthError => Failure as AuthError;
}

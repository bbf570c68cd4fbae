using LanguageExt;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Effects.Client;

/// <summary>From the core's LanguageExt results to <see cref="AuthResult{T}"/>, at the edge of the effects layer.</summary>
internal static class AuthResults
{
    public static AuthResult<T> ToAuthResult<T>(this Either<AuthError, T> either) =>
        either.Match(AuthResult<T>.Success, AuthResult<T>.Failure);

    public static MemberAuthResult<T> ToMemberAuthResult<T>(this Either<Core.Members.MemberAuthError, T> either) =>
        either.Match(MemberAuthResult<T>.Success, MemberAuthResult<T>.Failure);
}

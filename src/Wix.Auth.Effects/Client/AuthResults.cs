using LanguageExt;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Effects.Client;

/// <summary>From the core's LanguageExt results to <see cref="AuthResult{T, TError}"/>, at the edge of the effects layer.</summary>
internal static class AuthResults
{
    public static AuthResult<T> ToAuthResult<T>(this Either<AuthError, T> either) => either.ToResult();

    public static AuthResult<T, TError> ToResult<T, TError>(this Either<TError, T> either) where TError : class, ICodedError =>
        either.Match(AuthResult<T, TError>.Success, AuthResult<T, TError>.Failure);
}

using LanguageExt;
using static LanguageExt.Prelude;
using Wix.Auth.Core.Errors;

namespace Wix.Auth;

/// <summary>From the core's LanguageExt results to <see cref="AuthResult{T, TError}"/>, at the edge of the effects layer.</summary>
internal static class AuthResults
{
    public static AuthResult<T, AuthError> ToAuthResult<T>(this Either<AuthError, T> either) => either.ToResult();

    public static AuthResult<T, TError> ToResult<T, TError>(this Either<TError, T> either) where TError : class, IResultError<TError> =>
        either.Match(AuthResult<T, TError>.Success, AuthResult<T, TError>.Failure);

    /// <summary>A call to Wix as <see cref="Effects.Ports.IWixApi"/> answers it: a failure holds what went wrong as <see cref="AuthError.RemoteCallFailed"/>.</summary>
    public static AuthResult<T, AuthError> ToWixCallResult<T>(this Either<WixError, T> either) =>
        either.Match(AuthResult<T, AuthError>.Success, error => new AuthError.RemoteCallFailed(error));

    /// <summary>
    /// What went wrong in a call to Wix, from an <see cref="Effects.Ports.IWixApi"/> failure; a port that failed otherwise than the
    /// interface says is reported with its own code and message, as if Wix had answered them.
    /// </summary>
    public static WixError WixErrorOf(AuthError error) =>
        Failures.AsWixError(error);
}

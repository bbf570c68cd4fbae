using LanguageExt;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Benchmarks.Shared;

/// <summary>Unwraps a result the benchmark expects to succeed: a failure is a broken benchmark, never a number.</summary>
internal static class Results
{
    public static T Right<T>(Either<AuthError, T> result) =>
        result.Case is T value ? value : throw new InvalidOperationException($"Expected success, got {result}.");

    public static T Right<T>(Wix.Auth.AuthResult<T, AuthError> result) =>
        result.TryGetValue(out var value) ? value : throw new InvalidOperationException($"Expected success, got {result}.");

    public static T Success<T>(Validation<AuthError, T> result) =>
        result.Case is T value ? value : throw new InvalidOperationException($"Expected success, got {result}.");
}

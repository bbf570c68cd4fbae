using System.Diagnostics.CodeAnalysis;
using Wix.Auth.Core.Errors;

namespace Wix.Auth;

/// <summary>
/// The outcome of a call that can fail in an expected way: its value, or the <typeparamref name="TError"/> that says why
/// not, with a stable <see cref="ICodedError.Code"/> and a sentence for people. The one result type of the library: the
/// login flow's calls fail with an <see cref="AuthError"/>, the site's own forms (<see cref="MemberAuthClient"/>) with a
/// <see cref="Core.Members.MemberAuthError"/>. Programming errors are exceptions, never results; so is cancellation, but
/// for a native app's whole login, where a cancelled login is <c>login_cancelled</c>.
/// </summary>
/// <typeparam name="T">The value of a success.</typeparam>
/// <typeparam name="TError">The closed set of errors of the call.</typeparam>
/// <example>
/// <code>
/// var login = await client.CompleteLoginAsync(callbackUrl, oauthData);
/// if (!login.IsSuccess) return Results.Problem(login.Error.Message);   // login.Error.Code: "state_mismatch", …
/// var member = login.Value;
/// </code>
/// </example>
/// <remarks>
/// A struct, so a result costs no allocation. A <c>default</c> result was made by no call: it is a failure whose error has
/// the code <c>no_result</c>, so reading it never throws.
/// </remarks>
public readonly struct AuthResult<T, TError> : IEquatable<AuthResult<T, TError>>
    where TError : class, IResultError<TError>
{
    private readonly T value;
    private readonly TError? error;
    private readonly bool isSuccess;

    private AuthResult(T value, TError? error, bool isSuccess) => (this.value, this.error, this.isSuccess) = (value, error, isSuccess);

    /// <summary>A success holding <paramref name="value"/>.</summary>
    public static AuthResult<T, TError> Success(T value) => new(value, null, true);

    /// <summary>A failure holding <paramref name="error"/>.</summary>
    public static AuthResult<T, TError> Failure(TError error) => new(default!, error ?? throw new ArgumentNullException(nameof(error)), false);

    /// <summary>A success holding <paramref name="value"/>.</summary>
    public static implicit operator AuthResult<T, TError>(T value) => Success(value);

    /// <summary>A failure holding <paramref name="error"/>.</summary>
    public static implicit operator AuthResult<T, TError>(TError error) => Failure(error);

    /// <summary>True when the call succeeded: <see cref="Value"/> holds its value and <see cref="Error"/> is null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => isSuccess;

    /// <summary>The value of a success.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure; the message names its code.</exception>
    public T Value => IsSuccess ? value : throw new InvalidOperationException($"The result is a failure ({Error.Code}): {Error.Message}");

    /// <summary>Why the call failed (<c>no_result</c> for a <c>default</c> result); null for a success.</summary>
    public TError? Error => IsSuccess ? null : error ?? TError.NotReturned;

    /// <summary>The value of a success, as <paramref name="result"/>; false for a failure.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T result)
    {
        result = IsSuccess ? value : default;
        return isSuccess;
    }

    /// <summary>The value of a success, or the error of a failure; true for a success.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T result, [NotNullWhen(false)] out TError? failure)
    {
        failure = Error;
        return TryGetValue(out result);
    }

    /// <summary>One of two answers: <paramref name="success"/> of the value, or <paramref name="failure"/> of the error.</summary>
    public TResult Match<TResult>(Func<T, TResult> success, Func<TError, TResult> failure) =>
        IsSuccess ? success(value) : failure(Error);

    /// <summary>The value of a success turned by <paramref name="map"/>; a failure stays the same failure.</summary>
    public AuthResult<TResult, TError> Map<TResult>(Func<T, TResult> map) =>
        IsSuccess ? AuthResult<TResult, TError>.Success(map(value)) : AuthResult<TResult, TError>.Failure(Error);

    /// <summary>For <c>var (value, error) = result;</c>: one of the two is set.</summary>
    public void Deconstruct(out T? result, out TError? failure) => (result, failure) = (IsSuccess ? value : default, Error);

    /// <inheritdoc />
    public bool Equals(AuthResult<T, TError> other) =>
        isSuccess == other.isSuccess && EqualityComparer<T>.Default.Equals(value, other.value) && Equals(Error, other.Error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AuthResult<T, TError> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(isSuccess, value, Error);

    /// <summary>Equal outcomes: both successes with equal values, or both failures with equal errors.</summary>
    public static bool operator ==(AuthResult<T, TError> left, AuthResult<T, TError> right) => left.Equals(right);

    /// <summary>Different outcomes.</summary>
    public static bool operator !=(AuthResult<T, TError> left, AuthResult<T, TError> right) => !left.Equals(right);

    /// <summary><c>Success</c> or <c>Failure(code)</c>; never the value itself, which may be a secret.</summary>
    public override string ToString() => IsSuccess ? "Success" : $"Failure({Error.Code})";
}

using System.Diagnostics.CodeAnalysis;
using Wix.Auth.Core.Members;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// The outcome of a <see cref="MemberAuthClient"/> call — the site's own forms: its value, or the
/// <see cref="MemberAuthError"/> that says why not, with a stable <see cref="MemberAuthError.Code"/>. The same shape as
/// <see cref="AuthResult{T}"/>, for the forms' own closed set of errors.
/// </summary>
/// <typeparam name="T">The value of a success.</typeparam>
public readonly struct MemberAuthResult<T> : IEquatable<MemberAuthResult<T>>
{
    private readonly T value;
    private readonly MemberAuthError? error;
    private readonly bool isSuccess;

    private MemberAuthResult(T value, MemberAuthError? error, bool isSuccess) => (this.value, this.error, this.isSuccess) = (value, error, isSuccess);

    /// <summary>A success holding <paramref name="value"/>.</summary>
    public static MemberAuthResult<T> Success(T value) => new(value, null, true);

    /// <summary>A failure holding <paramref name="error"/>.</summary>
    public static MemberAuthResult<T> Failure(MemberAuthError error) => new(default!, error ?? throw new ArgumentNullException(nameof(error)), false);

    /// <summary>A success holding <paramref name="value"/>.</summary>
    public static implicit operator MemberAuthResult<T>(T value) => Success(value);

    /// <summary>A failure holding <paramref name="error"/>.</summary>
    public static implicit operator MemberAuthResult<T>(MemberAuthError error) => Failure(error);

    /// <summary>True when the call succeeded: <see cref="Value"/> holds its value and <see cref="Error"/> is null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => isSuccess || (error is null ? throw Uninitialized() : false);

    /// <summary>The value of a success.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure; the message names its code.</exception>
    public T Value => IsSuccess ? value : throw new InvalidOperationException($"The result is a failure ({error!.Code}): {error.Message}");

    /// <summary>Why the call failed; null for a success.</summary>
    public MemberAuthError? Error => IsSuccess ? null : error;

    /// <summary>The value of a success, as <paramref name="result"/>; false for a failure.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T result)
    {
        result = IsSuccess ? value : default;
        return isSuccess;
    }

    /// <summary>The value of a success, or the error of a failure; true for a success.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T result, [NotNullWhen(false)] out MemberAuthError? failure)
    {
        failure = Error;
        return TryGetValue(out result);
    }

    /// <summary>One of two answers: <paramref name="success"/> of the value, or <paramref name="failure"/> of the error.</summary>
    public TResult Match<TResult>(Func<T, TResult> success, Func<MemberAuthError, TResult> failure) =>
        IsSuccess ? success(value) : failure(Error);

    /// <summary>The value of a success turned by <paramref name="map"/>; a failure stays the same failure.</summary>
    public MemberAuthResult<TResult> Map<TResult>(Func<T, TResult> map) =>
        IsSuccess ? MemberAuthResult<TResult>.Success(map(value)) : MemberAuthResult<TResult>.Failure(Error);

    /// <summary>For <c>var (value, error) = result;</c>: one of the two is set.</summary>
    public void Deconstruct(out T? result, out MemberAuthError? failure) => (result, failure) = (IsSuccess ? value : default, Error);

    /// <summary>The same outcome as LanguageExt's <see cref="LanguageExt.Either{L, R}"/>.</summary>
    public LanguageExt.Either<MemberAuthError, T> ToEither() =>
        IsSuccess ? LanguageExt.Either<MemberAuthError, T>.Right(value) : LanguageExt.Either<MemberAuthError, T>.Left(Error);

    /// <summary>The same outcome as LanguageExt's <see cref="LanguageExt.Fin{A}"/>; a failure's error carries the code and message.</summary>
    public LanguageExt.Fin<T> ToFin() =>
        IsSuccess ? LanguageExt.Fin<T>.Succ(value) : LanguageExt.Fin<T>.Fail(LanguageExt.Common.Error.New($"{Error.Code}: {Error.Message}"));

    /// <inheritdoc />
    public bool Equals(MemberAuthResult<T> other) =>
        isSuccess == other.isSuccess && EqualityComparer<T>.Default.Equals(value, other.value) && Equals(error, other.error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MemberAuthResult<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(isSuccess, value, error);

    /// <summary>Equal outcomes: both successes with equal values, or both failures with equal errors.</summary>
    public static bool operator ==(MemberAuthResult<T> left, MemberAuthResult<T> right) => left.Equals(right);

    /// <summary>Different outcomes.</summary>
    public static bool operator !=(MemberAuthResult<T> left, MemberAuthResult<T> right) => !left.Equals(right);

    /// <summary><c>Success</c> or <c>Failure(code)</c>; never the value itself, which may be a secret.</summary>
    public override string ToString() => IsSuccess ? "Success" : $"Failure({Error.Code})";

    private static InvalidOperationException Uninitialized() =>
        new($"This {nameof(MemberAuthResult<T>)} was not returned by a call: default(MemberAuthResult<T>) is neither a success nor a failure.");
}

using System.Diagnostics.CodeAnalysis;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Effects.Client;

/// <summary>
/// The outcome of a login-flow call: its value, or the <see cref="AuthError"/> that says why not, with a stable
/// <see cref="AuthError.Code"/>. The same result as <see cref="AuthResult{T, TError}"/> for <see cref="AuthError"/>
/// (and converts to it both ways); this name only spares the flow's users the second type argument. Programming errors
/// are exceptions, never results; so is cancellation, but for a native app's whole login (<c>LoginAsync</c> of
/// Wix.Auth.Native), where a cancelled login is <c>login_cancelled</c>.
/// </summary>
/// <typeparam name="T">The value of a success.</typeparam>
/// <example>
/// <code>
/// var login = await client.CompleteLoginAsync(callbackUrl, oauthData);
/// if (!login.IsSuccess) return Results.Problem(login.Error.Message);   // login.Error.Code: "state_mismatch", …
/// var tokens = login.Value;
/// </code>
/// </example>
/// <remarks>
/// A struct, so a result costs no allocation. <c>default(AuthResult&lt;T&gt;)</c> was made by no call: reading it throws.
/// </remarks>
public readonly struct AuthResult<T> : IEquatable<AuthResult<T>>
{
    private readonly AuthResult<T, AuthError> result;

    private AuthResult(AuthResult<T, AuthError> result) => this.result = result;

    /// <summary>A success holding <paramref name="value"/>.</summary>
    public static AuthResult<T> Success(T value) => new(AuthResult<T, AuthError>.Success(value));

    /// <summary>A failure holding <paramref name="error"/>.</summary>
    public static AuthResult<T> Failure(AuthError error) => new(AuthResult<T, AuthError>.Failure(error));

    /// <summary>A success holding <paramref name="value"/>.</summary>
    public static implicit operator AuthResult<T>(T value) => Success(value);

    /// <summary>A failure holding <paramref name="error"/>.</summary>
    public static implicit operator AuthResult<T>(AuthError error) => Failure(error);

    /// <summary>The same outcome, with the error type spelled out.</summary>
    public static implicit operator AuthResult<T, AuthError>(AuthResult<T> result) => result.result;

    /// <summary>The same outcome, named for the login flow.</summary>
    public static implicit operator AuthResult<T>(AuthResult<T, AuthError> result) => new(result);

    /// <inheritdoc cref="AuthResult{T, TError}.IsSuccess"/>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => result.IsSuccess;

    /// <inheritdoc cref="AuthResult{T, TError}.Value"/>
    public T Value => result.Value;

    /// <inheritdoc cref="AuthResult{T, TError}.Error"/>
    public AuthError? Error => result.Error;

    /// <inheritdoc cref="AuthResult{T, TError}.TryGetValue(out T)"/>
    public bool TryGetValue([MaybeNullWhen(false)] out T value) => result.TryGetValue(out value);

    /// <inheritdoc cref="AuthResult{T, TError}.TryGetValue(out T, out TError)"/>
    public bool TryGetValue([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out AuthError? failure) => result.TryGetValue(out value, out failure);

    /// <inheritdoc cref="AuthResult{T, TError}.Match"/>
    public TResult Match<TResult>(Func<T, TResult> success, Func<AuthError, TResult> failure) => result.Match(success, failure);

    /// <inheritdoc cref="AuthResult{T, TError}.Map"/>
    public AuthResult<TResult> Map<TResult>(Func<T, TResult> map) => result.Map(map);

    /// <inheritdoc cref="AuthResult{T, TError}.Deconstruct"/>
    public void Deconstruct(out T? value, out AuthError? failure) => result.Deconstruct(out value, out failure);

    /// <inheritdoc cref="AuthResult{T, TError}.ToEither"/>
    public LanguageExt.Either<AuthError, T> ToEither() => result.ToEither();

    /// <inheritdoc cref="AuthResult{T, TError}.ToFin"/>
    public LanguageExt.Fin<T> ToFin() => result.ToFin();

    /// <inheritdoc />
    public bool Equals(AuthResult<T> other) => result.Equals(other.result);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AuthResult<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => result.GetHashCode();

    /// <summary>Equal outcomes: both successes with equal values, or both failures with equal errors.</summary>
    public static bool operator ==(AuthResult<T> left, AuthResult<T> right) => left.Equals(right);

    /// <summary>Different outcomes.</summary>
    public static bool operator !=(AuthResult<T> left, AuthResult<T> right) => !left.Equals(right);

    /// <inheritdoc cref="AuthResult{T, TError}.ToString"/>
    public override string ToString() => result.ToString();
}

namespace Wix.Auth.Core.Errors;

/// <summary>
/// A closed set of expected failures that a result can hold: besides its <see cref="ICodedError.Code"/> and message, the
/// one error a result holds when no call made it (a <c>default</c> result), so that reading such a result never throws.
/// </summary>
/// <typeparam name="TSelf">The set itself.</typeparam>
public interface IResultError<TSelf> : ICodedError where TSelf : class, IResultError<TSelf>
{
    /// <summary>The error of a result that no call returned: code <c>no_result</c>.</summary>
    static abstract TSelf NotReturned { get; }
}

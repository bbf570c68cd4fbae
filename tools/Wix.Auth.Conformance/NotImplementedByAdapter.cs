namespace Wix.Auth.Conformance;

/// <summary>A case's function is not implemented by the adapter, or was left out with <c>--function</c>: the case is not run.</summary>
public sealed class NotImplementedByAdapter(string function) : Exception($"{function} is not implemented.")
{
    /// <summary>The function.</summary>
    public string Function { get; } = function;
}

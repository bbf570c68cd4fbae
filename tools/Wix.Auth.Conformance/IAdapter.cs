namespace Wix.Auth.Conformance;

/// <summary>A port's adapter: one request line in, one answer line out (spec/conformance.md).</summary>
public interface IAdapter : IDisposable
{
    /// <summary>Sends one request line and returns the answer line; throws <see cref="AdapterGone"/> when none comes.</summary>
    string Exchange(string requestLine);
}

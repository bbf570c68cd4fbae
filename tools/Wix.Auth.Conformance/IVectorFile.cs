using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>One file of the spec and the cases the runner makes of it.</summary>
public interface IVectorFile
{
    /// <summary>The file's name, as <c>--file</c> takes it: <c>pkce.json</c>.</summary>
    string Name { get; }

    /// <summary>Its path below the spec directory: <c>vectors/pkce.json</c>.</summary>
    string Path { get; }

    /// <summary>The cases of <paramref name="file"/>; <paramref name="load"/> reads another file of the spec by its path.</summary>
    IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load);
}

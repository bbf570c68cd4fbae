using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>A short, one-line hint of a case's input for its name: a JSON string, clipped.</summary>
public static class Label
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="text"/> as a JSON string (so tabs and newlines stay on the line), at most about 100 characters.</summary>
    public static string Of(string? text)
    {
        var json = JsonValue.Create(text)?.ToJsonString(Readable) ?? "null";
        return json.Length <= 100 ? json : json[..97] + "…\"";
    }
}

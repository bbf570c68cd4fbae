using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>Reads string fields from parsed JSON without throwing on the wrong type.</summary>
internal static class JsonText
{
    /// <summary>The field's string value; null when the object or field is missing or the value is not a string.</summary>
    public static string? Of(JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var node) &&
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;
}

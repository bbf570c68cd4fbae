using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wix.Auth.SpecGen.Json;

/// <summary>The one way spec files are written, so that regenerating them is byte-identical on every machine.</summary>
public static class SpecJson
{
    /// <summary>The vectors' format version; bump it when a field changes meaning.</summary>
    public const int Version = 1;

    // Relaxed escaping keeps '+', '&', '<' and non-ASCII readable; "\n" line endings on every OS.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text of a spec JSON file, ending with a newline.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";

    /// <summary>An instant as ISO 8601 UTC with milliseconds: <c>2026-01-01T00:00:00.000Z</c>.</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an instant written by <see cref="Instant"/>.</summary>
    public static DateTimeOffset ReadInstant(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>Lower-case hex of bytes.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>A JSON array of <paramref name="items"/>.</summary>
    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);
}

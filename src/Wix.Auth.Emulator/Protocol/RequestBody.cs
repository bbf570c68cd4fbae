using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>How a request body turned out when read.</summary>
internal enum BodyKind { Empty, Json, Form, Malformed, TooLarge, UnsupportedMediaType }

/// <summary>
/// A request body read once, within the size limit, and parsed by its media type. Endpoints and the request log
/// share it, so a body is never read twice and a bad one is judged the same way everywhere.
/// </summary>
internal sealed class RequestBody
{
    public const string JsonMediaType = "application/json";
    public const string FormMediaType = "application/x-www-form-urlencoded";
    private static readonly object ItemKey = new();

    private RequestBody(BodyKind kind, int length, JsonNode? json = null,
        IReadOnlyDictionary<string, string>? form = null, string? problem = null, string formText = "")
    {
        FormText = formText;
        Kind = kind;
        Length = length;
        Json = json;
        Form = form;
        Problem = problem;
    }

    public BodyKind Kind { get; }
    public int Length { get; }
    public JsonNode? Json { get; }
    public IReadOnlyDictionary<string, string>? Form { get; }

    /// <summary>A form body as sent, before it was split into fields (the request log looks for a JSON body sent as a form in it).</summary>
    public string FormText { get; }

    /// <summary>Why the body is unusable, for an error description.</summary>
    public string? Problem { get; }

    public static RequestBody Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var body) && body is RequestBody read
            ? read
            : new RequestBody(BodyKind.Empty, 0);

    public static async Task<RequestBody> ReadAsync(HttpContext context, int maxBytes)
    {
        var body = await ParseAsync(context.Request, maxBytes, context.RequestAborted);
        context.Items[ItemKey] = body;
        return body;
    }

    /// <summary>The first of the given names present as a string field; null when none is.</summary>
    public string? Text(params string[] names) =>
        names.Select(TextOf).FirstOrDefault(value => value is not null);

    /// <summary>A string field of a flat JSON object or form; null when missing or not a string.</summary>
    private string? TextOf(string name) => Kind switch
    {
        BodyKind.Json => JsonText.Of(Json as JsonObject, name),
        BodyKind.Form => Form!.TryGetValue(name, out var text) ? text : null,
        _ => null,
    };

    private static async Task<RequestBody> ParseAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        byte[]? bytes;
        try
        {
            bytes = await ReadLimitedAsync(request.Body, maxBytes, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode != StatusCodes.Status413PayloadTooLarge)
        {
            return new(BodyKind.Malformed, 0, problem: "The body could not be read: " + e.Message);
        }
        catch (BadHttpRequestException)
        {
            bytes = null;
        }
        if (bytes is null) return new(BodyKind.TooLarge, maxBytes + 1, problem: $"The body is larger than {maxBytes} bytes.");
        var mediaType = MediaTypeOf(request.ContentType);
        if (bytes.Length == 0 && mediaType is null) return new(BodyKind.Empty, 0);
        return mediaType switch
        {
            JsonMediaType => ParseJson(bytes),
            FormMediaType => ParseForm(bytes),
            _ => new(BodyKind.UnsupportedMediaType, bytes.Length,
                problem: $"Content-Type must be {JsonMediaType} or {FormMediaType}."),
        };
    }

    private static string? MediaTypeOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.HasValue
            ? parsed.MediaType.Value!.ToLowerInvariant()
            : contentType is null ? null : "invalid";

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return null;
        }
        return buffer.ToArray();
    }

    private static RequestBody ParseJson(byte[] bytes)
    {
        // Names are decoded lazily: invalid UTF-8 in one would throw later, in a handler or while logging.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return new(BodyKind.Malformed, bytes.Length, problem: "The body is not UTF-8.");
        try
        {
            var node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions
            {
                MaxDepth = 32,
                // A repeated name is ambiguous; refuse it here rather than let it throw later, in a handler.
                AllowDuplicateProperties = false,
            });
            return node is JsonObject
                ? new(BodyKind.Json, bytes.Length, json: node)
                : new(BodyKind.Malformed, bytes.Length, problem: "The body must be a JSON object.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return new(BodyKind.Malformed, bytes.Length, problem: "The body is not valid JSON.");
        }
    }

    private static RequestBody ParseForm(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new(BodyKind.Malformed, bytes.Length, problem: "The form body is not UTF-8.");
        }
        var fields = QueryHelpers.ParseQuery(text);
        // RFC 6749 §3.2: a parameter must not be included more than once.
        var repeated = fields.FirstOrDefault(f => f.Value.Count > 1).Key;
        if (repeated is not null)
            return new(BodyKind.Malformed, bytes.Length, problem: $"The parameter '{repeated}' appears more than once.");
        var flat = fields.ToDictionary(f => f.Key, f => (string)f.Value!, StringComparer.Ordinal);
        return new(BodyKind.Form, bytes.Length, form: flat, formText: text);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Observation;

/// <summary>
/// Replaces secret values by <c>"***"</c>, keeping names and structure: by name (a field, parameter or header that holds a
/// secret), and by value (<see cref="SecretValues"/>: any secret the emulator issued or received, wherever it appears).
/// </summary>
internal static class SecretMasker
{
    public const string Mask = "***";

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "code", "codeVerifier", "code_verifier", "refreshToken", "refresh_token", "accessToken", "access_token",
        "token", "password", "sessionToken", "session_token", "clientSecret", "client_secret", "idToken", "id_token",
        "stateToken", "recoveryToken", "newPassword", "Recaptcha", "InvisibleRecaptcha",
    };

    public static bool IsSecret(string name) => SecretNames.Contains(name);

    /// <summary>The most bytes of (masked) body a log entry keeps; a larger one is logged as a note, so the log stays small.</summary>
    public const int LoggedBodyLimit = 8 * 1024;

    /// <summary>
    /// Remembers every value the request sends under a secret's name, in the query, the body, a JSON body sent as a
    /// form, or <c>Authorization</c>, before it is handled: then the log masks it in any other place too.
    /// </summary>
    public static void Collect(HttpRequest request, RequestBody body, SecretValues secrets)
    {
        foreach (var (name, value) in PairsOf(request.QueryString))
            if (IsSecret(name)) secrets.Add(value);
        // "<token>", "Bearer <token>" or "<token>,<API key>".
        foreach (var part in request.Headers.Authorization.ToString().Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            secrets.Add(part);
        switch (body.Kind)
        {
            case BodyKind.Json:
                CollectNamed(body.Json, secrets);
                break;
            case BodyKind.Form:
                foreach (var (name, value) in body.Form!)
                    if (IsSecret(name)) secrets.Add(value);
                // A JSON body sent as a form parses as one field with a strange name: its secrets are named inside.
                if (body.FormText.TrimStart() is ['{' or '[', ..] json) CollectNamed(ParseOrNull(json), secrets);
                break;
        }
    }

    public static JsonNode? MaskedBody(RequestBody body, SecretValues secrets) => Loggable(body.Kind switch
    {
        BodyKind.Json => Masked(body.Json!, secrets),
        BodyKind.Form => new JsonObject(body.Form!.Select(f => KeyValuePair.Create(
            secrets.Mask(f.Key), (JsonNode?)JsonValue.Create(IsSecret(f.Key) ? Mask : secrets.Mask(f.Value))))),
        _ => null,
    });

    // What the log keeps must serialize for everyone who reads it: a lone surrogate (valid in a JSON escape, not in
    // UTF-8) or an oversized body is replaced by a note.
    private static JsonNode? Loggable(JsonNode? body)
    {
        if (body is null) return null;
        try
        {
            var length = System.Text.Encoding.UTF8.GetByteCount(body.ToJsonString());
            return length <= LoggedBodyLimit ? body : JsonValue.Create($"(a body of {length} bytes, not kept)");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return JsonValue.Create("(a body with invalid Unicode, not kept)");
        }
    }

    public static string MaskedQuery(QueryString query, SecretValues secrets)
    {
        if (!query.HasValue) return "";
        try
        {
            var pairs = PairsOf(query).Select(p =>
                Escaped(secrets.Mask(p.Name)) + "=" + (IsSecret(p.Name) ? Mask : Escaped(secrets.Mask(p.Value))));
            return "?" + string.Join('&', pairs);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            return "?(a query with invalid Unicode, not kept)";
        }
    }

    // Percent-encoded around the masks, which stay readable as *** rather than %2A%2A%2A.
    private static string Escaped(string masked) => string.Join(Mask, masked.Split(Mask).Select(Uri.EscapeDataString));

    private static IEnumerable<(string Name, string Value)> PairsOf(QueryString query) => query.HasValue
        ? QueryHelpers.ParseQuery(query.Value).SelectMany(p => p.Value.Select(v => (p.Key, v ?? "")))
        : [];

    private static void CollectNamed(JsonNode? node, SecretValues secrets)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (IsSecret(name) && child is JsonValue) secrets.Add(child.ToString());
                    else CollectNamed(child, secrets);
                }
                break;
            case JsonArray array:
                foreach (var item in array) CollectNamed(item, secrets);
                break;
        }
    }

    /// <summary>A masked copy: secret-named fields become <c>"***"</c>; every name and value is masked by value.</summary>
    private static JsonNode? Masked(JsonNode? node, SecretValues secrets) => node switch
    {
        JsonObject obj => MaskedObject(obj, secrets),
        JsonArray array => new JsonArray([.. array.Select(item => Masked(item, secrets))]),
        // A number or string: masked as its text, so a code sent as a number is caught too.
        JsonValue value when value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number =>
            secrets.Mask(value.ToString()) is var text && text != value.ToString() ? JsonValue.Create(text) : value.DeepClone(),
        _ => node?.DeepClone(),
    };

    private static JsonObject MaskedObject(JsonObject obj, SecretValues secrets)
    {
        var masked = new JsonObject();
        foreach (var (name, child) in obj)
        {
            var key = secrets.Mask(name);
            // Two names that mask alike would collide; the second is kept under a numbered name.
            for (var n = 2; masked.ContainsKey(key); n++) key = secrets.Mask(name) + "#" + n;
            masked[key] = IsSecret(name) ? Mask : Masked(child, secrets);
        }
        return masked;
    }

    private static JsonNode? ParseOrNull(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Observation;

/// <summary>Replaces secret values by <c>"***"</c>, keeping names and structure.</summary>
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

    public static JsonNode? MaskedBody(RequestBody body) => Loggable(body.Kind switch
    {
        BodyKind.Json => MaskInPlace(body.Json!.DeepClone()),
        BodyKind.Form => new JsonObject(body.Form!.Select(f =>
            KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(IsSecret(f.Key) ? Mask : f.Value)))),
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

    public static string MaskedQuery(QueryString query)
    {
        if (!query.HasValue) return "";
        try
        {
            return MaskedPairs(query);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            return "?(a query with invalid Unicode, not kept)";
        }
    }

    private static string MaskedPairs(QueryString query)
    {
        var pairs = QueryHelpers.ParseQuery(query.Value).SelectMany(p =>
            p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + (IsSecret(p.Key) ? Mask : Uri.EscapeDataString(v ?? ""))));
        return "?" + string.Join('&', pairs);
    }

    private static JsonNode MaskInPlace(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecret(name)) obj[name] = Mask;
                    else if (obj[name] is { } child) MaskInPlace(child);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    if (item is not null) MaskInPlace(item);
                break;
        }
        return node;
    }
}

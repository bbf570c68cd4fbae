using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>An identity request that passed the common checks: a live access token and a JSON object body.</summary>
internal sealed record IamRequest(AccessTokenGrant Caller, JsonObject Body, string? ApiKey)
{
    /// <summary>
    /// Reads <c>Authorization</c> (the bare access token, or <c>"&lt;token&gt;,&lt;API key&gt;"</c> when
    /// <paramref name="withApiKey"/>) and the body. The error is the answer to send when they are not usable.
    /// </summary>
    public static (IamRequest? Request, IResult? Error) Read(HttpContext context, EmulatorState state, bool withApiKey = false)
    {
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || string.IsNullOrWhiteSpace(header[0]))
            return (null, IamError.Unauthenticated("An access token is required in Authorization."));
        var (token, apiKey) = Split(header[0]!, withApiKey);
        if (withApiKey && string.IsNullOrEmpty(apiKey))
            return (null, IamError.Unauthenticated("Authorization must be \"<access token>,<API key>\"."));
        if (token is null || state.ActiveAccessToken(token) is not { } caller)
            return (null, IamError.Unauthenticated("The access token is unknown or has expired."));

        var body = RequestBody.Of(context);
        if (body.Kind != BodyKind.Json) return (null, WixError.ForUnreadable(body));
        return (new IamRequest(caller, (JsonObject)body.Json!, apiKey), null);
    }

    /// <summary><c>"token"</c>, <c>"token,key"</c> or <c>",key"</c>; a leading <c>Bearer </c> is allowed as elsewhere.</summary>
    public static (string? Token, string? ApiKey) Split(string value, bool withApiKey)
    {
        var text = value.Trim();
        if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) text = text[7..].Trim();
        if (!withApiKey) return (text.Length == 0 || text.Contains(',') ? null : text, null);
        var comma = text.IndexOf(',');
        if (comma < 0) return (text.Length == 0 ? null : text, null);
        var token = text[..comma].Trim();
        var key = text[(comma + 1)..].Trim();
        return (token.Length == 0 ? null : token, key.Length == 0 ? null : key);
    }
}

/// <summary>Typed reads of the request fields; each failure is the validation answer Wix would give.</summary>
internal static class IamFields
{
    private const int MaxEmailLength = 254;
    private const int MaxPasswordLength = 256;

    /// <summary><c>loginId.email</c>: required, a well-formed address.</summary>
    public static (string? Email, IResult? Error) LoginEmail(JsonObject body)
    {
        if (body["loginId"] is not JsonObject loginId)
            return (null, IamError.Validation("loginId", "is required", "REQUIRED"));
        return Email(loginId, "email", "loginId.email");
    }

    /// <summary>A required, well-formed email in <paramref name="obj"/>.</summary>
    public static (string? Email, IResult? Error) Email(JsonObject obj, string name, string field)
    {
        if (!obj.ContainsKey(name) || obj[name] is null) return (null, IamError.Validation(field, "is required", "REQUIRED"));
        var email = JsonText.Of(obj, name)?.Trim();
        return email is not null && IsEmail(email)
            ? (email, null)
            : (null, IamError.Validation(field, "must be a valid email", "FORMAT", "EMAIL"));
    }

    /// <summary>A required non-empty string of at most <paramref name="max"/> characters.</summary>
    public static (string? Value, IResult? Error) RequiredText(JsonObject obj, string name, string field, int max = 512)
    {
        if (!obj.ContainsKey(name) || obj[name] is null) return (null, IamError.Validation(field, "is required", "REQUIRED"));
        var text = JsonText.Of(obj, name);
        if (text is null) return (null, IamError.Validation(field, "must be a string", "TYPE"));
        if (text.Length == 0) return (null, IamError.Validation(field, "must not be empty", "MIN_LENGTH"));
        return text.Length > max ? (null, IamError.Validation(field, $"must be at most {max} characters", "MAX_LENGTH")) : (text, null);
    }

    /// <summary>A password to check against a member's: required, bounded.</summary>
    public static (string? Value, IResult? Error) Password(JsonObject obj, string name) =>
        RequiredText(obj, name, name, MaxPasswordLength);

    /// <summary>A new password: also at least <paramref name="min"/> characters.</summary>
    public static (string? Value, IResult? Error) NewPassword(JsonObject obj, string name, int min)
    {
        var (password, error) = Password(obj, name);
        if (error is not null) return (null, error);
        return password!.Length < min
            ? (null, IamError.Validation(name, "is too short", "MIN_LENGTH"))
            : (password, null);
    }

    /// <summary>An optional field of the given JSON kind; an error when present with another kind.</summary>
    public static IResult? Optional(JsonObject obj, string name, JsonValueKind kind, string? field = null)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null) return null;
        var actual = node.GetValueKind();
        var ok = actual == kind || (kind == JsonValueKind.True && actual == JsonValueKind.False);
        return ok ? null : IamError.Validation(field ?? name, $"must be {Describe(kind)}", "TYPE");
    }

    /// <summary>
    /// <c>captchaTokens</c>: absent, or an array of at most two objects whose only members are the string tokens
    /// <c>Recaptcha</c> and <c>InvisibleRecaptcha</c>. Returns the tokens given.
    /// </summary>
    public static (IReadOnlyList<string>? Tokens, IResult? Error) CaptchaTokens(JsonObject body)
    {
        if (!body.TryGetPropertyValue("captchaTokens", out var node) || node is null) return ([], null);
        if (node is not JsonArray array || array.Count > 2)
            return (null, IamError.Validation("captchaTokens", "must be an array of at most two objects", "TYPE"));
        var tokens = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonObject captcha)
                return (null, IamError.Validation("captchaTokens", "must hold objects", "TYPE"));
            foreach (var (key, value) in captcha)
            {
                if (key is not ("Recaptcha" or "InvisibleRecaptcha"))
                    return (null, IamError.Validation($"captchaTokens.{key}", "is not a captcha kind", "UNKNOWN_FIELD"));
                if (JsonText.Of(captcha, key) is not { Length: > 0 and <= 4096 } token)
                    return (null, IamError.Validation($"captchaTokens.{key}", "must be a non-empty string", "TYPE"));
                tokens.Add(token);
            }
        }
        return (tokens, null);
    }

    /// <summary><c>profile</c>: absent, or an object whose names, if given, are strings.</summary>
    public static (JsonObject? Profile, IResult? Error) Profile(JsonObject body)
    {
        if (!body.TryGetPropertyValue("profile", out var node) || node is null) return (null, null);
        if (node is not JsonObject profile) return (null, IamError.Validation("profile", "must be an object", "TYPE"));
        foreach (var name in new[] { "firstName", "lastName", "nickname", "picture", "language", "privacyStatus" })
            if (Optional(profile, name, JsonValueKind.String, "profile." + name) is { } error) return (null, error);
        foreach (var name in new[] { "labels", "phonesV2", "secondaryEmails", "addresses", "customFields", "emails", "phones" })
            if (Optional(profile, name, JsonValueKind.Array, "profile." + name) is { } error) return (null, error);
        return ((JsonObject)profile.DeepClone(), null);
    }

    public static bool IsEmail(string email) =>
        email.Length is > 2 and <= MaxEmailLength &&
        !email.Any(char.IsWhiteSpace) &&
        email.IndexOf('@') is > 0 and var at && at == email.LastIndexOf('@') && at < email.Length - 1 &&
        email[(at + 1)..].Contains('.') &&
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

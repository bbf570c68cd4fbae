using System.Net;
using System.Text.Json;

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>Who <c>GET /members/v1/members/my</c> says is logged in.</summary>
/// <param name="Name">The nickname, else first and last name, else the login email.</param>
/// <param name="Email">The login email.</param>
public sealed record MemberInfo(string Name, string Email)
{
    /// <summary>The member path, relative to the API base URL.</summary>
    public const string Path = "members/v1/members/my";

    /// <summary>
    /// Asks Wix through <paramref name="http"/> (whose handler adds the token). When it fails: why, and whether the
    /// tokens themselves were refused (401) rather than Wix being unavailable.
    /// </summary>
    public static async Task<(MemberInfo? Member, string? Problem, bool TokensRefused)> FetchAsync(HttpClient http, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(Path, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return (null, "Wix could not be reached", false);
        }

        using var _ = response;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Wix's own 401, or the handler's when Wix refused the refresh, means the tokens are dead; the handler's
            // other codes (refresh_unavailable, …) mean Wix could not be asked.
            if (!response.Headers.TryGetValues(WixAuthHandler.ErrorHeader, out var codes)) return (null, "Wix did not accept the saved token", true);
            var code = codes.First();
            return (null, $"no usable token ({code})", code is "refresh_rejected" or "not_authenticated");
        }
        if (!response.IsSuccessStatusCode) return (null, $"Wix answered {(int)response.StatusCode}", false);

        using var json = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("member", out var member)) return (null, "Wix's answer has no member", false);
        var email = Text(member, "loginEmail") ?? "";
        var fullName = $"{Text(member, "contact", "firstName")} {Text(member, "contact", "lastName")}".Trim();
        var name = Text(member, "profile", "nickname") ?? (fullName.Length > 0 ? fullName : email);
        return (new MemberInfo(name, email), null, false);
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text : null;
    }
}

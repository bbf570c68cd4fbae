using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Wix.Auth.Samples.BlazorWasm.Client;

/// <summary>Wix's Members API, called from the browser with the member's token (added by <c>AddWixMemberTokens</c>).</summary>
internal sealed class MembersApi(HttpClient http)
{
    /// <summary>The member's nickname, or the HTTP status and the auth error code when there is none.</summary>
    public async Task<string> MyNicknameAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("members/v1/members/my", cancellationToken);
        if (!response.IsSuccessStatusCode)
            return $"HTTP {(int)response.StatusCode} {string.Join(",", response.Headers.TryGetValues(WixAuthHandler.ErrorHeader, out var codes) ? codes : [])}";
        var body = await response.Content.ReadFromJsonAsync(MembersJsonContext.Default.MyMember, cancellationToken);
        return body?.Member?.Profile?.Nickname ?? "(no nickname)";
    }
}

internal sealed record MyMember(MemberView? Member);

internal sealed record MemberView(ProfileView? Profile);

internal sealed record ProfileView(string? Nickname);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MyMember))]
internal sealed partial class MembersJsonContext : JsonSerializerContext;

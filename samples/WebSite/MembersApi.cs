using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Wix.Auth.Samples.WebSite;

/// <summary>Wix's Members API on behalf of the current member: the <see cref="HttpClient"/> carries the member's token.</summary>
public sealed class MembersApi(HttpClient http)
{
    /// <summary>The member's display name, or why it could not be had (an HTTP status or the token handler's reason).</summary>
    public async Task<(string? Name, string? Problem)> GetMyNameAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("members/v1/members/my", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var reason = response.Headers.TryGetValues(WixAuthHandler.ErrorHeader, out var values) ? values.First() : $"HTTP {(int)response.StatusCode}";
            return (null, reason);
        }
        var body = await response.Content.ReadFromJsonAsync(MembersJson.Default.MyMemberResponse, cancellationToken);
        var member = body?.Member;
        var name = member?.Profile?.Nickname is { Length: > 0 } nickname ? nickname : $"{member?.Contact?.FirstName} {member?.Contact?.LastName}".Trim();
        return name.Length > 0 ? (name, null) : (null, "the member has no name");
    }
}

/// <summary><c>GET /members/v1/members/my</c>'s answer, as far as the page needs it.</summary>
public sealed record MyMemberResponse(MemberView? Member);

/// <summary>A member.</summary>
public sealed record MemberView(ProfileView? Profile, ContactView? Contact);

/// <summary>A member's profile.</summary>
public sealed record ProfileView(string? Nickname);

/// <summary>A member's contact details.</summary>
public sealed record ContactView(string? FirstName, string? LastName);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MyMemberResponse))]
internal sealed partial class MembersJson : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Wix.Auth.Effects.Http;

/// <summary>Source-generated JSON for the wire: camelCase names, no reflection, trimming-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnonymousGrantDto))]
[JsonSerializable(typeof(AuthorizationCodeGrantDto))]
[JsonSerializable(typeof(RefreshTokenGrantDto))]
[JsonSerializable(typeof(LoginSessionDto))]
[JsonSerializable(typeof(LogoutSessionDto))]
[JsonSerializable(typeof(TokenResponseDto))]
[JsonSerializable(typeof(OAuthErrorDto))]
[JsonSerializable(typeof(RedirectSessionResponseDto))]
[JsonSerializable(typeof(WixErrorDto))]
internal sealed partial class WireJsonContext : JsonSerializerContext;

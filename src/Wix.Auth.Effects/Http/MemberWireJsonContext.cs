using System.Text.Json.Serialization;

namespace Wix.Auth.Effects.Http;

/// <summary>Source-generated JSON for member authentication: camelCase names, nulls left out, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoginV2Dto))]
[JsonSerializable(typeof(RegisterV2Dto))]
[JsonSerializable(typeof(VerifyDto))]
[JsonSerializable(typeof(SendRecoveryEmailDto))]
[JsonSerializable(typeof(RecoverDto))]
[JsonSerializable(typeof(SignOnDto))]
[JsonSerializable(typeof(ExternalLoginDto))]
[JsonSerializable(typeof(ExternalLoginWithSessionDto))]
[JsonSerializable(typeof(LoginStateDto))]
[JsonSerializable(typeof(SignOnResponseDto))]
[JsonSerializable(typeof(IamErrorDto))]
[JsonSerializable(typeof(TokenInfoDto))]
[JsonSerializable(typeof(TokenInfoResponseDto))]
internal sealed partial class MemberWireJsonContext : JsonSerializerContext;

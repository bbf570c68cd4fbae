using System.Text.Json.Serialization;

namespace Wix.Auth.Effects.Storage;

/// <summary>Source-generated (trim- and AOT-safe) JSON for every stored shape; enums as their names, so files stay readable.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(StoredTokensDto))]
[JsonSerializable(typeof(StoredPendingLoginDto))]
[JsonSerializable(typeof(TokenFileDto))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

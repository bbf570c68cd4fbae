using System.Text.Json.Serialization;

namespace Wix.Auth;

/// <summary>Source-generated (trim- and AOT-safe) JSON for the token file; enums as their names, so files stay readable.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(TokenFileDto))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Wix.Auth.Core.Snapshots;

/// <summary>Source-generated (trim- and AOT-safe) JSON for snapshots; enums as their names, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionSnapshot))]
[JsonSerializable(typeof(PendingLoginSnapshot))]
[JsonSerializable(typeof(VerificationSnapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;

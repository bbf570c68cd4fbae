using System.Text.Json.Serialization;
using Wix.Auth.AspNetCore.Sessions;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>Source-generated JSON for what the web host puts in cookies.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PendingLoginTicket))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

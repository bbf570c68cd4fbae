using System.Text.Json.Serialization;
using Wix.Auth.AspNetCore.Sessions;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>Source-generated JSON for what the web host stores and puts in cookies.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredTokens))]
[JsonSerializable(typeof(StoredPendingLogin))]
[JsonSerializable(typeof(PendingLoginTicket))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

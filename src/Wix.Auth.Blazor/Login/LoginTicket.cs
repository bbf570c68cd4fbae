using System.Text.Json.Serialization;

namespace Wix.Auth.Blazor;

/// <summary>
/// What this tab remembers of the login it began, in its <c>sessionStorage</c>: which pending login is its own (where to
/// return is the pending login's, which the core checked).
/// </summary>
/// <param name="State">The pending login's <c>state</c>; the callback's must equal it.</param>
/// <param name="IssuedAt">When the login began, to tell an expired login from one that never was.</param>
internal sealed record LoginTicket(string State, DateTimeOffset IssuedAt);

[JsonSerializable(typeof(LoginTicket))]
internal sealed partial class BlazorJsonContext : JsonSerializerContext;

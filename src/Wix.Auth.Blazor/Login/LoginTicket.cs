using System.Text.Json.Serialization;

namespace Wix.Auth.Blazor.Login;

/// <summary>What this tab remembers of the login it began, in its <c>sessionStorage</c>: which pending login is its own.</summary>
/// <param name="State">The pending login's <c>state</c>; the callback's must equal it.</param>
/// <param name="IssuedAt">When the login began, to tell an expired login from one that never was.</param>
/// <param name="ReturnUrl">Where to send the member afterwards, as the core accepted it (<c>originalUri</c>); null: the app's base.</param>
internal sealed record LoginTicket(string State, DateTimeOffset IssuedAt, string? ReturnUrl);

[JsonSerializable(typeof(LoginTicket))]
internal sealed partial class BlazorJsonContext : JsonSerializerContext;

using System.Text.Json;
using Microsoft.JSInterop;
using Wix.Auth.Blazor;

namespace Wix.Auth.Blazor;

/// <summary>This tab's <see cref="LoginTicket"/>, under one key of its <c>sessionStorage</c>.</summary>
internal sealed class LoginTickets(IJSRuntime js)
{
    private const string Key = "wix-auth:login";

    private readonly WebStorage storage = new(js, BrowserStorage.Session);

    public ValueTask SaveAsync(LoginTicket ticket, CancellationToken cancellationToken) =>
        storage.SetAsync(Key, JsonSerializer.Serialize(ticket, BlazorJsonContext.Default.LoginTicket), cancellationToken);

    /// <summary>The tab's ticket; null when it has none or what is stored is not one.</summary>
    public async ValueTask<LoginTicket?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await storage.GetAsync(Key, cancellationToken).ConfigureAwait(false) is not { } json) return null;
        try
        {
            return JsonSerializer.Deserialize(json, BlazorJsonContext.Default.LoginTicket) is { State.Length: > 0 } ticket ? ticket : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask DeleteAsync(CancellationToken cancellationToken) => storage.RemoveAsync(Key, cancellationToken);
}

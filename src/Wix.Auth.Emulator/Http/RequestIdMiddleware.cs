namespace Wix.Auth.Emulator.Http;

/// <summary>
/// Gives every response an <c>x-wix-request-id</c>, as Wix does. Set when the response starts, so it survives an
/// error handler clearing the response.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "x-wix-request-id";
    private static readonly object ItemKey = new();

    public static string IdOf(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var id) && id is string text ? text : "";

    public Task InvokeAsync(HttpContext context)
    {
        var id = $"emu-{Guid.NewGuid():N}";
        context.Items[ItemKey] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        return next(context);
    }
}

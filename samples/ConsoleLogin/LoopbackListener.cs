using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>
/// The loopback redirect of RFC 8252 §7.3: a listener on <c>127.0.0.1</c> (never all interfaces) on a port the OS
/// picks, that accepts exactly one request — <c>GET /callback</c> with the expected <c>state</c> — and answers 404
/// to everything else, including a second valid-looking callback.
/// </summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    /// <summary>The callback's path.</summary>
    public const string CallbackPath = "/callback";

    private readonly WebApplication app;
    private volatile string? expectedState;
    private readonly TaskCompletionSource<Uri> callback = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int accepted;

    private LoopbackListener(WebApplication app) => this.app = app;

    /// <summary>The redirect URI to give Wix: <c>http://127.0.0.1:{port}/callback</c>.</summary>
    public string RedirectUri { get; private set; } = "";

    /// <summary>Starts listening; every request gets 404 until <see cref="Expect"/> names the state to accept.</summary>
    public static async Task<LoopbackListener> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var listener = new LoopbackListener(app);
        app.Run(listener.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.RedirectUri = new Uri(new Uri(address), CallbackPath).ToString();
        return listener;
    }

    /// <summary>
    /// Accepts the callback that carries <paramref name="state"/>. Set after start because the state is generated
    /// together with the redirect URI, which needs the port.
    /// </summary>
    public void Expect(string state) => expectedState = state;

    /// <summary>
    /// The full URL of the one accepted callback (code and state in its query), once the browser has come back.
    /// Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<Uri> WaitForCallbackAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await callback.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var request = context.Request;
        var state = request.Query["state"];
        var valid = HttpMethods.IsGet(request.Method) && request.Path == CallbackPath
            && state.Count == 1 && state[0] is { } given
            && expectedState is { } expected && Secret.FixedTimeEquals(given, expected);
        if (!valid || Interlocked.Exchange(ref accepted, 1) == 1)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        callback.TrySetResult(new Uri(request.Scheme + "://" + request.Host + request.PathBase + request.Path + request.QueryString));
        var failed = request.Query.ContainsKey("error");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page(failed
            ? "Login was not completed. You can close this tab; the terminal says why."
            : "You are logged in. You can close this tab and return to the terminal."), context.RequestAborted).ConfigureAwait(false);
    }

    private static string Page(string message) =>
        $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Wix login</title><body><p>{message}</p></body></html>";
}

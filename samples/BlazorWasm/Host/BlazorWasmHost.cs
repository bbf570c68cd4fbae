using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;

namespace Wix.Auth.Samples.BlazorWasm.Host;

/// <summary>
/// Serves the WebAssembly app (static files: all the login happens in the browser) and runs the Wix emulator beside it on
/// a port of its own, so the app calls it cross-origin, as a page calls Wix. <c>appsettings.json</c> is written per start:
/// the emulator's address, the demo client ID and the response mode, in place of the client's own file (made for real Wix).
/// </summary>
public sealed class BlazorWasmHost : IAsyncDisposable
{
    /// <summary>The app's callback page, registered with the demo OAuth app (any loopback port matches it).</summary>
    public const string CallbackPath = "authentication/callback";

    private readonly WebApplication app;

    private BlazorWasmHost(WebApplication app, Uri baseUrl, WixEmulator emulator) => (this.app, BaseUrl, Emulator) = (app, baseUrl, emulator);

    /// <summary>The demo OAuth app, allowing this app's callback.</summary>
    public static readonly OAuthApp DemoApp = DemoData.App with
    {
        RedirectUris = [.. DemoData.App.RedirectUris, "http://127.0.0.1:5001/" + CallbackPath, "http://localhost:5001/" + CallbackPath],
    };

    /// <summary>Where the app is served, e.g. <c>http://127.0.0.1:5001/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The emulator the app logs in with.</summary>
    public WixEmulator Emulator { get; }

    /// <summary>Starts the emulator and the app's host.</summary>
    public static async Task<BlazorWasmHost> StartAsync(BlazorWasmHostOptions options, string[]? args = null, CancellationToken cancellationToken = default)
    {
        var emulator = await WixEmulator.StartAsync(options.Emulator ?? new EmulatorOptions { Apps = [DemoApp] }, cancellationToken);
        try
        {
            // A published client (trimmed, as it ships) is the web root; else this build's client, through its static web
            // assets manifest, in any environment.
            var published = options.ClientApp ?? new ConfigurationBuilder().AddCommandLine(args ?? []).Build()["ClientApp"];
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = args ?? [],
                ApplicationName = typeof(BlazorWasmHost).Assembly.GetName().Name,
                WebRootPath = published is { Length: > 0 } ? Path.GetFullPath(published) : null,
            });
            var config = builder.Configuration;
            builder.WebHost.UseUrls(options.Url ?? config["urls"] ?? "http://127.0.0.1:5001");
            if (published is not { Length: > 0 }) builder.WebHost.UseStaticWebAssets();
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            var settings = ClientSettings(emulator, options.ResponseMode ?? (Enum.TryParse<ResponseMode>(config["Wix:ResponseMode"], true, out var m) ? m : ResponseMode.Fragment),
                options.TokenStorage ?? config["Wix:TokenStorage"], options.RefreshMarginSeconds, options.DirectLoginTimeoutSeconds);

            var app = builder.Build();
            // Ahead of the static files: the client's own appsettings.json holds the settings for real Wix.
            app.Map("/appsettings.json", settingsFile => settingsFile.Run(context =>
            {
                context.Response.ContentType = "application/json";
                context.Response.Headers.CacheControl = "no-store";
                return context.Response.WriteAsync(settings);
            }));
            app.UseBlazorFrameworkFiles();
            app.UseStaticFiles();
            app.MapFallbackToFile("index.html");
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new BlazorWasmHost(app, new Uri(address.EndsWith('/') ? address : address + "/"), emulator);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    private static string ClientSettings(
        WixEmulator emulator, ResponseMode responseMode, string? tokenStorage, double? refreshMarginSeconds, double? directLoginTimeoutSeconds)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("Wix");
            json.WriteString("ClientId", DemoData.ClientId);
            json.WriteString("ApiBaseUrl", emulator.BaseUrl.AbsoluteUri);
            json.WriteString("ResponseMode", responseMode.ToString());
            if (tokenStorage is not null) json.WriteString("TokenStorage", tokenStorage);
            if (refreshMarginSeconds is { } margin) json.WriteNumber("RefreshMarginSeconds", margin);
            if (directLoginTimeoutSeconds is { } timeout) json.WriteNumber("DirectLoginTimeoutSeconds", timeout);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    /// <summary>Stops the host and the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

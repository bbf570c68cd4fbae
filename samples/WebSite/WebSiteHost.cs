using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using ConfigurationOptions = StackExchange.Redis.ConfigurationOptions;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Wix.Auth.AspNetCore;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;

namespace Wix.Auth.Samples.WebSite;

/// <summary>
/// The demo site, startable in-process on any port (as <c>WixEmulator.StartAsync</c> is), with the emulator unless a real
/// Wix client ID is configured: <c>dotnet run</c> uses it, and so do the tests.
/// </summary>
public sealed class WebSiteHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebSiteHost(WebApplication app, Uri baseUrl, WixEmulator? emulator)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Emulator = emulator;
    }

    /// <summary>
    /// The demo OAuth app, allowing this site's callbacks in both response modes on port 5000 — and on any loopback port,
    /// so instances on free ports work too.
    /// </summary>
    public static readonly OAuthApp DemoApp = DemoData.App with
    {
        RedirectUris =
        [
            .. DemoData.App.RedirectUris,
            "http://localhost:5000/auth/callback-fragment",
            "http://127.0.0.1:5000/auth/callback-fragment",
        ],
    };

    /// <summary>The emulator options the site starts with by default: the demo app and members.</summary>
    public static EmulatorOptions DemoEmulator => new() { Apps = [DemoApp] };

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The emulator the site started, if it started one.</summary>
    public WixEmulator? Emulator { get; }

    /// <summary>The site's services.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts the site (and, without a client ID or API base URL, the emulator).</summary>
    public static async Task<WebSiteHost> StartAsync(WebSiteOptions options, string[]? args = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [] });
        var config = builder.Configuration;
        var clientId = options.ClientId ?? config["Wix:ClientId"];
        var apiBaseUrl = options.ApiBaseUrl ?? (config["Wix:ApiBaseUrl"] is { Length: > 0 } configured ? new Uri(configured) : null);
        var emulator = string.IsNullOrEmpty(clientId) && apiBaseUrl is null
            ? await WixEmulator.StartAsync(options.Emulator ?? DemoEmulator, cancellationToken)
            : null;
        try
        {
            Configure(builder, options, clientId ?? DemoData.ClientId, emulator?.BaseUrl ?? apiBaseUrl);
            builder.Services.AddSingleton(new DemoMailbox(emulator is null ? options.EmulatorOutbox : new Uri(emulator.BaseUrl, "_emulator/outbox")));
            var app = builder.Build();
            app.MapGet("/", HomePage.RenderAsync);
            app.MapGet("/account", HomePage.Account).RequireAuthorization();
            app.MapGet("/sign-in", SignInPage.Render);
            app.MapWixAuth("/auth");
            app.MapHealthChecks("/healthz");
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new WebSiteHost(app, new Uri(address.EndsWith('/') ? address : address + "/"), emulator);
        }
        catch
        {
            if (emulator is not null) await emulator.DisposeAsync();
            throw;
        }
    }

    private static void Configure(WebApplicationBuilder builder, WebSiteOptions options, string clientId, Uri? apiBaseUrl)
    {
        var config = builder.Configuration;
        builder.WebHost.UseUrls(options.Url ?? config["urls"] ?? "http://127.0.0.1:5000");
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel ?? LogLevel.Information);
        // A line per request drowns the demo's own messages; ask for it with Logging:LogLevel:Microsoft.AspNetCore.
        if (config["Logging:LogLevel:Microsoft.AspNetCore"] is null) builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // IHttpClientFactory logs four lines per call of the members API below (the library's own client logs none of
        // them). Its warnings stay; ask for the rest with Logging:LogLevel:System.Net.Http.HttpClient.
        if (config["Logging:LogLevel:System.Net.Http.HttpClient"] is null) builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        options.Logging?.Invoke(builder.Logging);
        if (options.TimeProvider is { } time) builder.Services.AddSingleton(time);
        var responseMode = options.ResponseMode ?? (Enum.TryParse<ResponseMode>(config["Wix:ResponseMode"], ignoreCase: true, out var mode) ? mode : ResponseMode.Query);

        var wix = builder.Services.AddWixAuth(o =>
        {
            o.ClientId = clientId;
            if (apiBaseUrl is not null) o.ApiBaseUrl = apiBaseUrl;
            options.Wix?.Invoke(o);
        }).AddAspNetCore(web =>
        {
            web.ResponseMode = responseMode;
            options.Web?.Invoke(web);
        });
        if ((options.Redis ?? config.GetConnectionString("Redis")) is { Length: > 0 } redis) wix.AddRedis(redis);
        if ((options.KeyRing ?? config["DataProtection:KeyRing"]) is { Length: > 0 } keyRing) ShareKeyRing(builder, keyRing, options.KeyRingCertificate ?? config["DataProtection:Certificate"]);
        else if ((options.KeyRingRedis ?? config["DataProtection:Redis"]) is { Length: > 0 } keyRingRedis) ShareKeyRingInRedis(builder, keyRingRedis, options.KeyRingCertificate ?? config["DataProtection:Certificate"]);

        ConsoleTelemetry.AddIfAsked(builder);
        builder.Services.AddHealthChecks().AddWixAuth();   // GET /healthz: Wix's token endpoint, and Redis when used

        var membersBase = apiBaseUrl ?? new Uri(WireNames.DefaultBaseUrl);
        builder.Services.AddHttpClient<MembersApi>(http => http.BaseAddress = membersBase).AddWixMemberTokens();
    }

    // The key ring in a folder every instance shares (a file share in production), encrypted with a certificate when given.
    private static void ShareKeyRing(WebApplicationBuilder builder, string folder, string? certificatePath)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Wix.Auth").PersistKeysToFileSystem(new DirectoryInfo(folder));
        if (string.IsNullOrEmpty(certificatePath)) return;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, builder.Configuration["DataProtection:CertificatePassword"]);
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    // The key ring in one Redis list (a persistent Redis, a node or a cluster: one key, so one slot), encrypted with a certificate when given.
    private static void ShareKeyRingInRedis(WebApplicationBuilder builder, string connectionString, string? certificatePath)
    {
        var redis = ConfigurationOptions.Parse(connectionString);
        redis.AbortOnConnectFail = false;   // the site starts while that Redis is down, and reads the ring once it is up
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Wix.Auth")
            .PersistKeysToStackExchangeRedis(ConnectionMultiplexer.Connect(redis), "wix:data-protection-keys");
        if (string.IsNullOrEmpty(certificatePath)) return;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, builder.Configuration["DataProtection:CertificatePassword"]);
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    /// <summary>Stops the site and its emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (Emulator is not null) await Emulator.DisposeAsync();
    }
}

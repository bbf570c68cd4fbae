using Wix.Auth.Emulator.Endpoints;
using Wix.Auth.Emulator.Faults;
using Wix.Auth.Emulator.Http;
using Wix.Auth.Emulator.MemberAuth;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Observation;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator;

/// <summary>Builds the emulator's web app; the standalone program and <see cref="WixEmulator"/> share it.</summary>
internal static class EmulatorApp
{
    // How many received secrets (verifiers, passwords, verification codes) the request log remembers to mask elsewhere;
    // issued tokens are recognised by their shape and need no room here.
    private const int SecretCapacity = 1024;

    /// <param name="options">The configuration.</param>
    /// <param name="args">Command-line arguments (standalone only; they may set <c>--urls</c>).</param>
    /// <param name="urls">Where to listen when neither the arguments nor the environment say.</param>
    /// <param name="forceUrls">Listen on <paramref name="urls"/> whatever the configuration says (in-process).</param>
    public static WebApplication Build(EmulatorOptions options, string[] args, string urls, bool forceUrls)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (forceUrls || string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        // ASP.NET's request logging writes URLs whole, and its redirect result the Location: the login's redirect back
        // with its code and state. The emulator logs each request itself, masked (RecordingMiddleware).
        builder.Logging.AddFilter("Microsoft.AspNetCore", (LogLevel)Math.Max((int)options.MinimumLogLevel, (int)LogLevel.Warning));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        // Browser apps call Wix's API from their own origin; so may they call the emulator, from any origin.
        // Not the admin API: a page the developer happens to open must not read the demo passwords, the request log or
        // inject faults (AdminOriginMiddleware refuses what a browser sends from another origin).
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .AllowAnyHeader()
            .WithMethods("GET", "POST")
            .WithExposedHeaders(RequestIdMiddleware.Header)));
        var secrets = new SecretValues(
            options.Members.Select(m => m.Password).Concat(options.MemberAuth.ApiKeys.Select(k => k.Key)), SecretCapacity);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(secrets);
        builder.Services.AddSingleton<ListeningAuthorities>();
        builder.Services.AddSingleton(new EmulatorState(options));
        builder.Services.AddSingleton(new MemberAuthState(options, secrets));
        builder.Services.AddSingleton(new OAuthApps(options.Apps));
        builder.Services.AddSingleton(new EmulatorRequestLog(options.RequestLogCapacity));
        builder.Services.AddSingleton(new EmulatorFaults(options.Faults, options.FaultSeed));

        var app = builder.Build();
        // Outermost first: every response gets a request ID; every request is logged with what answered it.
        // The error boundary stands twice: inside the log, so a handler's failure is logged as the 400 it became,
        // and outside it, so nothing the log's own reading of a request throws can become a 500.
        // CORS preflights are answered before the log, so they are neither logged nor counted nor faulted.
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<AdminOriginMiddleware>();
        app.UseCors();
        app.UseMiddleware<ErrorBoundaryMiddleware>();
        app.UseMiddleware<RecordingMiddleware>();
        app.UseMiddleware<ErrorBoundaryMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        MapEndpoints(app);
        return app;
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapPost(Paths.Token, TokenEndpoint.Handle);
        app.MapPost(Paths.TokenInfo, TokenInfoEndpoint.Handle);
        app.MapPost(Paths.RedirectSession, RedirectSessionEndpoint.Handle);
        app.MapGet(Paths.Authorize, AuthorizeEndpoint.Get);
        app.MapPost(Paths.Authorize, AuthorizeEndpoint.Post);
        app.MapGet(Paths.MembersMy, MembersEndpoint.Handle);
        AdminEndpoints.Map(app);
        MemberAuthEndpoints.Map(app);
    }
}

using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;

namespace Wix.Auth.Samples.WebSite;

/// <summary>How to start the demo site. Anything left null comes from configuration (<c>Wix:*</c>, <c>ConnectionStrings:Redis</c>, <c>urls</c>) or the demo default.</summary>
public sealed record WebSiteOptions
{
    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: dotnet run --project samples/WebSite [-- options]
          The demo site, with a Wix emulator in this process unless a client ID or API base URL is given.
        Options:
          --urls <url>                        where the site listens (default http://127.0.0.1:5000)
          --Wix:ClientId <id>                 your Headless OAuth app: talk to Wix itself
          --Wix:ApiBaseUrl <url>              Wix's address, e.g. a running wix-emulator (http://127.0.0.1:5099)
          --Wix:ResponseMode Fragment|Query   how Wix returns to the site (default Query)
          --ConnectionStrings:Redis <host:port>  share logins and sessions between instances through Redis
          --DataProtection:KeyRing <folder>   the key ring instances share (--DataProtection:Certificate <pfx> encrypts it)
          --Telemetry:Console true            print the Wix.Auth spans and metrics
          --Logging:LogLevel:<category> <level>  more log lines, e.g. System.Net.Http.HttpClient Information
          --help                              print this text
        """;

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:0</c> for a free port. Default <c>http://127.0.0.1:5000</c>.</summary>
    public string? Url { get; init; }

    /// <summary>A real Wix Headless client ID (<c>Wix:ClientId</c>); without one the site starts the emulator and uses the demo app.</summary>
    public string? ClientId { get; init; }

    /// <summary>Wix's API base URL (<c>Wix:ApiBaseUrl</c>), e.g. an emulator the caller runs; null to start one (or, with a client ID, real Wix).</summary>
    public Uri? ApiBaseUrl { get; init; }

    /// <summary>
    /// The outbox of an emulator the caller runs (with <see cref="ApiBaseUrl"/>), linked where the site says a code or link
    /// was mailed; null for none. The emulator the site starts itself is linked without it.
    /// </summary>
    public Uri? EmulatorOutbox { get; init; }

    /// <summary>The options of the emulator the site starts; null for <see cref="WebSiteHost.DemoEmulator"/>.</summary>
    public EmulatorOptions? Emulator { get; init; }

    /// <summary>Where Wix puts the login's result (<c>Wix:ResponseMode</c>: <c>Query</c> or <c>Fragment</c>). Default query.</summary>
    public ResponseMode? ResponseMode { get; init; }

    /// <summary>A Redis connection string (<c>ConnectionStrings:Redis</c>) to share logins, sessions and keys between instances.</summary>
    public string? Redis { get; init; }

    /// <summary>
    /// A folder every instance shares (<c>DataProtection:KeyRing</c>) for the Data Protection key ring; null for this machine's
    /// own, which is right only for a single instance.
    /// </summary>
    public string? KeyRing { get; init; }

    /// <summary>
    /// A Redis (<c>DataProtection:Redis</c>; one node or a cluster's seed nodes) that keeps the Data Protection key ring in one
    /// list, instead of <see cref="KeyRing"/>'s folder. It must be persistent and backed up, unlike a cache (docs/web.md,
    /// "The key ring in production").
    /// </summary>
    public string? KeyRingRedis { get; init; }

    /// <summary>A PFX file (<c>DataProtection:Certificate</c>) whose certificate encrypts the key ring at rest; needs <see cref="KeyRing"/>.</summary>
    public string? KeyRingCertificate { get; init; }

    /// <summary>More settings of the login client (e.g. <c>PendingLoginTtl</c>), applied after the ones above.</summary>
    public Action<Wix.Auth.WixAuthOptions>? Wix { get; init; }

    /// <summary>More settings of the login endpoints (cookies, limits, the public origin), applied after the ones above.</summary>
    public Action<Wix.Auth.AspNetCore.WixAuthWebOptions>? Web { get; init; }

    /// <summary>The site's clock; a fake one lets tests expire pending logins.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The lowest level logged to the console. Default <see cref="LogLevel.Information"/>.</summary>
    public LogLevel? MinimumLogLevel { get; init; }

    /// <summary>More logging set-up, e.g. a provider that a test reads.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }
}

#if IN_PROCESS_EMULATOR
using Wix.Auth.Emulator;
#endif

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>The Wix the console talks to: real Wix, a running emulator, or one started in this process.</summary>
public sealed class WixTarget : IAsyncDisposable
{
    /// <summary>The emulator's demo OAuth app.</summary>
    public const string DemoClientId = "demo-client-id";

    private readonly IAsyncDisposable? emulator;

    private WixTarget(Uri baseUrl, string clientId, string sessionKey, IAsyncDisposable? emulator)
    {
        (BaseUrl, ClientId, SessionKey, this.emulator) = (baseUrl, clientId, sessionKey, emulator);
    }

    /// <summary>The API base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The OAuth app's client ID.</summary>
    public string ClientId { get; }

    /// <summary>
    /// The key of this target's tokens in the token file: client ID and server, so tokens issued by one Wix are never
    /// sent to another. An in-process emulator gets one fixed key, since its port changes every run.
    /// </summary>
    public string SessionKey { get; }

    /// <summary>True when the emulator runs in this process and forgets its tokens when it ends.</summary>
    public bool IsInProcessEmulator => emulator is not null;

    /// <summary>Picks (and, for the in-process emulator, starts) the target the options name.</summary>
    public static async Task<WixTarget> StartAsync(ConsoleOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (!options.UseEmulator)
        {
            var wix = new Uri(Core.Protocol.WireNames.DefaultBaseUrl);
            output.WriteLine($"Using Wix at {wix} with client ID {options.ClientId}.");
            return new WixTarget(wix, options.ClientId!, $"{options.ClientId}@{wix.Authority}", null);
        }

        var clientId = options.ClientId ?? DemoClientId;
        if (options.EmulatorUrl is { } url)
        {
            output.WriteLine($"Using the Wix emulator at {url} with client ID {clientId}.");
            return new WixTarget(url, clientId, $"{clientId}@{url.Authority}", null);
        }

#if IN_PROCESS_EMULATOR
        var started = await WixEmulator.StartAsync(new EmulatorOptions(), cancellationToken).ConfigureAwait(false);
        output.WriteLine($"Started a Wix emulator in this process at {started.BaseUrl} (demo member: {DemoData.Ada.Email} / {DemoData.Ada.Password}).");
        return new WixTarget(started.BaseUrl, clientId, $"{clientId}@in-process-emulator", started);
#else
        throw new NotSupportedException("This native build has no emulator inside: pass --emulator URL (e.g. of `wix-emulator`) or --client-id.");
#endif
    }

    /// <summary>Stops the in-process emulator, if any.</summary>
    public async ValueTask DisposeAsync()
    {
        if (emulator is not null) await emulator.DisposeAsync().ConfigureAwait(false);
    }
}

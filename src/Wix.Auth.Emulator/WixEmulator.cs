using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Wix.Auth.Emulator.MemberAuth;
using Wix.Auth.Emulator.Model;

namespace Wix.Auth.Emulator;

/// <summary>
/// An emulator running in this process on a free loopback port:
/// <c>await using var emu = await WixEmulator.StartAsync();</c> then point a client at <see cref="BaseUrl"/>.
/// </summary>
public sealed class WixEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorState state;
    private readonly MemberAuthState memberAuth;

    private WixEmulator(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        state = app.Services.GetRequiredService<EmulatorState>();
        RequestLog = app.Services.GetRequiredService<EmulatorRequestLog>();
        Faults = app.Services.GetRequiredService<EmulatorFaults>();
        memberAuth = app.Services.GetRequiredService<MemberAuthState>();
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>: the replacement for <c>https://www.wixapis.com/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The options it was started with.</summary>
    public EmulatorOptions Options => state.Options;

    /// <summary>The requests received and the counters per endpoint and grant.</summary>
    public EmulatorRequestLog RequestLog { get; }

    /// <summary>The faults in force; add or remove them at any time.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>The mails it would have sent: verification codes and password-reset links.</summary>
    public EmulatorOutbox Outbox => memberAuth.Outbox;

    /// <summary>How many members and outstanding session, state and recovery tokens it holds, and mails kept.</summary>
    public MemberAuthSnapshot MemberAuthSnapshot() => new(
        memberAuth.Members.Count, memberAuth.SessionTokens.Count, memberAuth.StateTokens.Count,
        memberAuth.RecoveryTokens.Count, memberAuth.Outbox.Mails.Count);

    /// <summary>Starts an emulator on <c>http://127.0.0.1:{free port}</c>.</summary>
    /// <param name="options">Apps, members, lifetimes, clock and faults; null for the demo defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<WixEmulator> StartAsync(
        EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var app = EmulatorApp.Build(options ?? new EmulatorOptions(), [], "http://127.0.0.1:0", forceUrls: true);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        // Build every endpoint's request delegate and warm the pipeline now, not on a client's first request: with
        // many endpoints that takes long enough on a busy machine for the first call to time out. Admin requests are
        // neither logged nor counted.
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources) _ = source.Endpoints;
        using (var warmUp = new HttpClient { BaseAddress = new Uri(address) })
            (await warmUp.GetAsync("/_emulator/state", cancellationToken)).Dispose();
        return new WixEmulator(app, new Uri(address));
    }

    /// <summary>How much it holds now (tokens, codes, sessions).</summary>
    public EmulatorStateSnapshot Snapshot() => state.Snapshot();

    /// <summary>An admin client for this emulator over HTTP, on the given <see cref="HttpClient"/>.</summary>
    public EmulatorAdminClient CreateAdminClient(HttpClient http) => new(http, BaseUrl);

    /// <summary>Stops listening and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

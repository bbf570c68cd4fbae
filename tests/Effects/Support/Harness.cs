using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Core.Errors;
using Wix.Auth.Effects.Http;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Testing;

namespace Wix.Auth.Effects.Tests.Support;

/// <summary>
/// An emulator on loopback, a client pointed at it through real HTTP, the client's stores, one clock for both,
/// a scripted browser and a log that records everything.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    public const string RedirectUri = "http://localhost:3000/callback";
    public const string OriginalUri = "http://localhost:3000/orig";
    public const string PostLogoutUrl = "http://localhost:3000/bye";

    private Harness(WixEmulator emulator, FakeTimeProvider time, WixAuthOptions options, CapturingLoggerProvider logs, ILoggerFactory loggerFactory)
    {
        Emulator = emulator;
        Time = time;
        Options = options;
        Logs = logs;
        LoggerFactory = loggerFactory;
        Pending = new InMemoryPendingLoginStore(time);
        Api = new WixHttpApi(new HttpClient(Connections) { Timeout = Timeout.InfiniteTimeSpan }, options, loggerFactory.CreateLogger<WixHttpApi>());
        Client = NewClient();
    }

    public WixEmulator Emulator { get; }
    public FakeTimeProvider Time { get; }
    public WixAuthOptions Options { get; }
    public CapturingLoggerProvider Logs { get; }
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The client's sockets, which refuse the next connections to a path when a test asks.</summary>
    public RefusingHandler Connections { get; } = new();
    public InMemoryPendingLoginStore Pending { get; }
    public InMemorySessionStore Tokens { get; } = new();
    public WixHttpApi Api { get; }
    public RefreshCoordinator Refreshes { get; } = new();
    public WixAuthClient Client { get; }
    public EmulatorBrowser Browser { get; } = new();

    public static async Task<Harness> StartAsync(Func<EmulatorOptions, EmulatorOptions>? emulator = null, Action<WixAuthOptions>? configure = null)
    {
        // Time moves only when a test moves it; the retry delays of Polly run on the real clock.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emu = await WixEmulator.StartAsync((emulator ?? (o => o))(new EmulatorOptions { TimeProvider = time }));
        var options = new WixAuthOptions
        {
            ClientId = DemoData.ClientId,
            ApiBaseUrl = emu.BaseUrl,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        var logs = new CapturingLoggerProvider();
        var factory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        return new Harness(emu, time, options, logs, factory);
    }

    /// <summary>Another client of the same stores and API, as another instance or request would have.</summary>
    public WixAuthClient NewClient(string sessionKey = WixAuthClient.DefaultSessionKey) =>
        new(Options, Api, Pending, Tokens, Time, null, Refreshes, LoggerFactory, sessionKey);

    public Core.OAuth.OAuthData NewOAuthData(string redirectUri = RedirectUri, string? originalUri = OriginalUri) =>
        Client.GenerateOAuthData(redirectUri, originalUri);

    /// <summary>A member logged in through the whole flow; returns the member's tokens.</summary>
    public async Task<Core.Credentials.Tokens> LogInAsync(DemoMember? member = null, Core.Protocol.ResponseMode mode = Core.Protocol.ResponseMode.Query)
    {
        member ??= DemoData.Ada;
        var data = NewOAuthData();
        var authUrl = Right(await Client.GetAuthUrlAsync(data, responseMode: mode));
        var callback = await Browser.SignInAsync(authUrl, member.Email, member.Password);
        var parsed = Right(Client.ParseFromUrl(callback.ToString(), mode));
        return Right(await Client.GetMemberTokensAsync(parsed, data.State));
    }

    /// <summary>
    /// The requests <paramref name="emulator"/> logged at <paramref name="endpoint"/>, once settled: an attempt the client
    /// gave up on (a timeout) is logged when the emulator finishes it, after the injected latency, so this waits for the
    /// log to reach <paramref name="expected"/>, or for 5 s.
    /// </summary>
    public static async Task<long> SettledCountAsync(WixEmulator emulator, EmulatorEndpoint endpoint, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (emulator.RequestLog.Count(endpoint) < expected && DateTime.UtcNow < deadline) await Task.Delay(25);
        return emulator.RequestLog.Count(endpoint);
    }

    public static T Right<T>(Either<AuthError, T> result) =>
        result.Match(v => v, e => throw new Xunit.Sdk.XunitException($"expected success, got {e.Code}: {e.Message}"));

    public static T Right<T>(AuthResult<T, AuthError> result) =>
        result.Match(v => v, e => throw new Xunit.Sdk.XunitException($"expected success, got {e.Code}: {e.Message}"));

    public static AuthError Left<T>(AuthResult<T, AuthError> result) =>
        result.Match(v => throw new Xunit.Sdk.XunitException($"expected an error, got {v}"), e => e);

    public static AuthError Left<T>(Either<AuthError, T> result) =>
        result.Match(v => throw new Xunit.Sdk.XunitException($"expected an error, got {v}"), e => e);

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        LoggerFactory.Dispose();
        await Emulator.DisposeAsync();
    }
}

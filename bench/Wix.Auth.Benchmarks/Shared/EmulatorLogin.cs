using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Effects.Http;
using Wix.Auth.Emulator;
using static Wix.Auth.Benchmarks.Shared.Results;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Benchmarks.Shared;

/// <summary>
/// Whole member logins against an emulator over loopback, the way a site runs them: one <see cref="WixAuthClient"/>
/// per session over shared stores and one <see cref="WixHttpApi"/>. The member's browser is a direct form POST that
/// follows no redirect, as the SDK side does with <c>fetch(…, {redirect: 'manual'})</c>.
/// </summary>
internal sealed class EmulatorLogin : IDisposable
{
    private readonly WixAuthOptions options;
    private readonly WixHttpApi api;
    private readonly HttpClient browser;
    private long sessions;

    public EmulatorLogin(Uri baseUrl, TimeProvider? time = null, int maxConnections = 64)
    {
        Time = time ?? TimeProvider.System;
        options = new WixAuthOptions { ClientId = DemoData.ClientId, ApiBaseUrl = baseUrl };
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { Timeout = TimeSpan.FromSeconds(30) };
        api = new WixHttpApi(Http, options, NullLogger<WixHttpApi>.Instance);
        browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = maxConnections })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        Pending = new InMemoryPendingLoginStore(Time);
    }

    public TimeProvider Time { get; }
    public HttpClient Http { get; }
    public InMemoryPendingLoginStore Pending { get; }
    public InMemorySessionStore Tokens { get; } = new();
    public RefreshCoordinator Refreshes { get; } = new();

    /// <summary>A client for a new session (or the named one) over the shared stores and API.</summary>
    public WixAuthClient NewClient(string? sessionKey = null) =>
        new WixAuthClientFactory(Microsoft.Extensions.Options.Options.Create(options), api, Pending, Tokens, Time, new Wix.Auth.Effects.Ports.CryptographicEntropy(), Refreshes,
            NullLoggerFactory.Instance).Create(sessionKey ?? "s" + Interlocked.Increment(ref sessions));

    /// <summary>Visitor tokens → login Redirect Session → the member's form POST → code exchange.</summary>
    public async Task<TokenPair> LogInAsync(WixAuthClient client, CancellationToken cancellationToken = default)
    {
        var data = client.GenerateOAuthData(Inputs.RedirectUri, Inputs.OriginalUri);
        var authUrl = Right(await client.GetAuthUrlAsync(data, cancellationToken: cancellationToken));
        var callback = await SubmitLoginFormAsync(authUrl, cancellationToken);
        var parsed = Right(client.ParseFromUrl(callback));
        return Right(await client.GetMemberTokensAsync(parsed, data.State, cancellationToken));
    }

    /// <summary>Posts Ada's credentials to the login page and returns the callback URL it redirects to.</summary>
    public async Task<string> SubmitLoginFormAsync(string authUrl, CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent([new("email", DemoData.Ada.Email), new("password", DemoData.Ada.Password), new("action", "login")]);
        using var response = await browser.PostAsync(authUrl, form, cancellationToken);
        return response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? location.ToString()
            : throw new InvalidOperationException($"The login form answered {(int)response.StatusCode}, not a redirect.");
    }

    public void Dispose()
    {
        browser.Dispose();
        Http.Dispose();
    }
}

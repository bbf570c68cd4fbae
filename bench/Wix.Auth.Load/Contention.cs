using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Emulator;

namespace Wix.Auth.Load;

/// <summary>
/// Refresh under contention: <c>calls</c> concurrent API calls through <see cref="WixAuthHandler"/> on an expired
/// member token, once per expiry, counting the refresh grants the emulator received. Each call gets its own client
/// of the one session (as a site does per request) over shared stores and one refresh coordinator.
/// </summary>
internal static class Contention
{
    public sealed record Expiry(int Index, long Refreshes, int Ok, int NotOk, double Milliseconds);

    public static async Task<IReadOnlyList<Expiry>> RunAsync(int calls, int expiries)
    {
        // One clock for the emulator and the client: the token expires at both ends when the test says so.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await WixEmulator.StartAsync(new EmulatorOptions { TimeProvider = time, AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        using var login = new EmulatorLogin(emulator.BaseUrl, time);
        const string session = "member";
        await login.LogInAsync(login.NewClient(session));
        using var api = new HttpClient(new WixAuthHandler(() => login.NewClient(session)) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 } })
        {
            BaseAddress = emulator.BaseUrl,
        };

        var results = new List<Expiry>();
        for (var i = 1; i <= expiries; i++)
        {
            time.Advance(TimeSpan.FromMinutes(6));
            emulator.RequestLog.Clear();
            var clock = Stopwatch.StartNew();
            var statuses = await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
            {
                using var response = await api.GetAsync("members/v1/members/my");
                return response.StatusCode;
            }));
            var ok = statuses.Count(s => s == HttpStatusCode.OK);
            results.Add(new Expiry(i, emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"), ok, calls - ok, clock.Elapsed.TotalMilliseconds));
        }
        return results;
    }
}

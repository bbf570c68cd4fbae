using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// Issue 25, item 5: churn, bounded. The demo site on a fresh <c>redis-server</c>, with short lifetimes so a soak of minutes
/// sees every key's end: sessions idle out after <c>ttl</c>, pending logins after <c>ttl</c>, access tokens are due for a
/// refresh a few seconds after they are issued. Members loop as fast as they can: log in, use the site (each refreshes at
/// least once), log out; beside each, a login abandoned at Wix's page and a callback refused (a forged state). Then: every
/// key in Redis must have a TTL, and once the longest has passed Redis must be empty and its memory back to where it was
/// before the soak.
/// </summary>
internal static partial class SoakBench
{
    public sealed record Result(
        double Seconds, int Cycles, int Logins, int Abandoned, int Refused, long Refreshes, int Requests, int Errors, string? FirstError,
        long BaselineBytes, long PeakBytes, long PeakKeys, long KeysAtEnd, long KeysWithoutTtl, double WaitedSeconds, long KeysAfterTtl, long BytesAfterTtl, long ScriptBytes)
    {
        public double CyclesPerSecond => Cycles / Seconds;

        public bool Clean => Errors == 0 && KeysWithoutTtl == 0 && KeysAfterTtl == 0 && BytesAfterTtl - BaselineBytes <= ScriptBytes + 64 * 1024;
    }

    public static async Task<Result> RunAsync(int seconds, int members, TimeSpan ttl, Action<string> progress)
    {
        await using var redis = await RedisServer.StartAsync();
        // Access tokens live 70 s, the site refreshes 60 s before expiry: due 10 s after issue, so a member's visit refreshes.
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator with { AccessTokenLifetime = TimeSpan.FromSeconds(62) });
        await using var site = await WebSiteHost.StartAsync(LoginBench.DemoSiteOptions(emulator.BaseUrl) with
        {
            Redis = redis.ConnectionString,
            Wix = o => o.PendingLoginTtl = ttl,
            Web = web =>
            {
                web.LoginsPerMinute = web.LoginsPerClientPerMinute = 1_000_000;
                web.SessionIdleTimeout = ttl;
            },
        });
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        // The baseline: the site connected and its scripts loaded (one cycle), and that cycle's keys gone.
        await CycleAsync(site.BaseUrl, new int[5]);
        await WaitUntilEmptyAsync(server, ttl);
        var baseline = await MemoryAsync(server, "used_memory");

        var counts = new int[5];   // cycles, logins, abandoned, refused, requests
        var errors = 0;
        string? firstError = null;
        var peak = baseline;
        var peakKeys = 0L;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, await MemoryAsync(server, "used_memory"));
                peakKeys = Math.Max(peakKeys, await server.DatabaseSizeAsync());
                if ((int)clock.Elapsed.TotalSeconds % 10 < 2) progress($"{clock.Elapsed.TotalSeconds:F0} s: {counts[0]} cycles, {counts[4]} requests, {errors} errors, {await server.DatabaseSizeAsync()} keys, used_memory {peak / 1048576.0:F1} MiB at most");
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, members).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await CycleAsync(site.BaseUrl, counts);
                    Interlocked.Increment(ref counts[0]);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        await sampler;
        var refreshes = emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token");

        var keys = server.Keys(pattern: "*", pageSize: 1000).ToList();
        var withoutTtl = 0;
        foreach (var key in keys) withoutTtl += await admin.GetDatabase().KeyTimeToLiveAsync(key) is null ? 1 : 0;
        var waited = await WaitUntilEmptyAsync(server, ttl);
        return new Result(elapsed, counts[0], counts[1], counts[2], counts[3], refreshes, counts[4], errors, firstError,
            baseline, peak, peakKeys, keys.Count, withoutTtl, waited, await server.DatabaseSizeAsync(), await MemoryAsync(server, "used_memory"),
            await MemoryAsync(server, "used_memory_scripts_eval"));
    }

    // One member: log in, visit until the tokens have been refreshed, log out; and one login abandoned, one refused.
    private static async Task CycleAsync(Uri site, int[] counts)
    {
        using var browser = Browser();
        await new SiteLogin(site, "/auth/login", "/account").LogInAsync(browser, CancellationToken.None);
        Interlocked.Increment(ref counts[1]);
        for (var visit = Stopwatch.StartNew(); visit.Elapsed < TimeSpan.FromSeconds(2.5);)
        {
            using var page = await browser.GetAsync(new Uri(site, "account"));
            if (page.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"/account answered {(int)page.StatusCode}");
            Interlocked.Increment(ref counts[4]);
            await Task.Delay(250);
        }
        var home = await browser.GetStringAsync(site);
        var token = AntiforgeryToken().Match(home) is { Success: true } m ? m.Groups[1].Value : throw new HttpRequestException("no logout form");
        using (var logout = await browser.PostAsync(new Uri(site, "auth/logout"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            if (logout.StatusCode != HttpStatusCode.Found) throw new HttpRequestException($"logout answered {(int)logout.StatusCode}");
        using (var after = await browser.GetAsync(new Uri(site, "account")))
            if (after.StatusCode == HttpStatusCode.OK) throw new HttpRequestException("still a member after logout");

        using var abandoner = Browser();
        using (var begun = await abandoner.GetAsync(new Uri(site, "auth/login")))                  // never comes back from Wix
            if (begun.StatusCode != HttpStatusCode.Found) throw new HttpRequestException($"login answered {(int)begun.StatusCode}");
        Interlocked.Increment(ref counts[2]);
        using var forger = Browser();
        using (var begun = await forger.GetAsync(new Uri(site, "auth/login"))) { }
        using (var forged = await forger.GetAsync(new Uri(site, "auth/callback?code=forged&state=forged")))  // refused: not its state
            if (forged.StatusCode != HttpStatusCode.BadRequest) throw new HttpRequestException($"a forged callback answered {(int)forged.StatusCode}");
        Interlocked.Increment(ref counts[3]);
    }

    private static HttpClient Browser() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { Timeout = TimeSpan.FromSeconds(30) };

    // The longest TTL any key can have: a session or a pending login (ttl), a lease (30 s); then Redis's expiry cycle.
    private static async Task<double> WaitUntilEmptyAsync(IServer server, TimeSpan ttl)
    {
        var waited = Stopwatch.StartNew();
        var deadline = (ttl > TimeSpan.FromSeconds(30) ? ttl : TimeSpan.FromSeconds(30)) + TimeSpan.FromSeconds(15);
        while (await server.DatabaseSizeAsync() > 0 && waited.Elapsed < deadline) await Task.Delay(250);
        return waited.Elapsed.TotalSeconds;
    }

    private static async Task<long> MemoryAsync(IServer server, string field) =>
        long.Parse((await server.InfoAsync("memory")).SelectMany(g => g).Single(p => p.Key == field).Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

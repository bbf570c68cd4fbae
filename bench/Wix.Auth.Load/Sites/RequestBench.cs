using System.Diagnostics;
using System.Net;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// Issue 16, item 1: the authenticated request, side by side. One site per <see cref="RequestVariant"/>, each in its own
/// process, all against one Redis; a member logged in on each; then rounds in which every site serves the same number of
/// <c>GET /page</c> at the same concurrency, the order rotating from round to round. Per site and round: requests per
/// second of wall clock and per CPU-second of the site's process, p50/p99 latency, bytes the site allocated per request,
/// and Redis commands per request.
/// </summary>
internal static class RequestBench
{
    public sealed record Figures(
        string Variant, int Round, int Requests, int Errors, double Seconds, double PerSecond, double PerCpuSecond,
        double P50Ms, double P99Ms, double? AllocatedBytesPerRequest, double? RedisCommandsPerRequest, string? FirstError,
        int WarmupRounds = 0, bool Settled = false);

    /// <param name="Warmup">Requests per site before the warm-up rounds (the member's first requests).</param>
    /// <param name="MaxWarmupRounds">Warm-up rounds (each of <paramref name="Requests"/> per site) at most: they go on until every site's last two agree within <paramref name="Tolerance"/>.</param>
    public sealed record Settings(
        int Rounds = 5, int Requests = 20_000, int Concurrency = 16, int Warmup = 2_000, string? Redis = null, bool InProcess = false,
        int MaxWarmupRounds = 10, double Tolerance = 0.10);

    /// <summary>Runs the comparison; <paramref name="report"/> sees each figure as it is measured.</summary>
    public static async Task<IReadOnlyList<Figures>> RunAsync(Settings settings, Action<Figures> report)
    {
        await using var ownRedis = settings.Redis is null ? await RedisServer.StartAsync() : null;
        var redis = settings.Redis ?? ownRedis!.ConnectionString;
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var commands = await RedisCommands.ConnectAsync(redis);
        // The member's real tokens from the emulator, for the cookie tickets: the same bytes ours keeps in its store.
        using var emulatorLogin = new EmulatorLogin(emulator.BaseUrl);
        var tokens = await emulatorLogin.LogInAsync(emulatorLogin.NewClient());

        var sites = new List<(RequestVariant Variant, ISite Site, string Cookie)>();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = settings.Concurrency, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            foreach (var variant in Enum.GetValues<RequestVariant>())
            {
                var site = await StartAsync(variant, emulator.BaseUrl, redis, settings.InProcess);
                sites.Add((variant, site, await LogInAsync(site, variant, tokens.AccessToken.Value.Reveal(), tokens.RefreshToken.Value.Reveal())));
            }
            foreach (var (_, site, cookie) in sites) await RunRequestsAsync(http, site.BaseUrl, [cookie], settings.Warmup, settings.Concurrency);
            var (warmup, settled) = await SteadyState.WarmUpAsync(sites, s => Name(s.Variant), async (s, round) =>
            {
                var figures = await MeasureAsync(http, s.Variant, s.Site, [s.Cookie], null, round, settings);
                return (figures.PerCpuSecond, $"{figures.PerCpuSecond:F0} requests per CPU-s");
            }, settings.MaxWarmupRounds, settings.Tolerance);

            var all = new List<Figures>();
            for (var round = 1; round <= settings.Rounds; round++)
            {
                // Rotate who goes first, so a drift in the machine's speed does not always favour one side.
                foreach (var (variant, site, cookie) in sites.Skip((round - 1) % sites.Count).Concat(sites.Take((round - 1) % sites.Count)))
                {
                    var figures = await MeasureAsync(http, variant, site, [cookie], variant.UsesRedis() ? commands : null, round, settings)
                        with { WarmupRounds = warmup, Settled = settled };
                    all.Add(figures);
                    report(figures);
                }
            }
            return all;
        }
        finally
        {
            foreach (var (_, site, _) in sites) await site.DisposeAsync();
        }
    }

    public static string Name(RequestVariant variant) => variant switch
    {
        RequestVariant.CookieTicket => "cookie, ticket in cookie",
        RequestVariant.CookieRedisTicketStore => "cookie, ITicketStore in Redis",
        RequestVariant.MemberInMemory => "member session, in memory",
        _ => "member session, Redis",
    };

    /// <summary>The site process of one variant (the <c>request-site</c> mode of this program), or the site in this process.</summary>
    internal static async Task<ISite> StartAsync(RequestVariant variant, Uri wixApi, string redis, bool inProcess)
    {
        if (!inProcess) return await ChildSite.StartThisProgramAsync(Name(variant), "request-site", "--variant", variant.ToString(), "--api-base-url", wixApi.ToString(), "--redis", redis);
        var (app, baseUrl) = await RequestSite.StartAsync(variant, wixApi, redis);
        return new InProcessSite(Name(variant), baseUrl, () => app.DisposeAsync());
    }

    /// <summary>Logs a member in on <paramref name="site"/> as its variant does, and returns the Cookie header of the session.</summary>
    internal static async Task<string> LogInAsync(ISite site, RequestVariant variant, string access, string refresh)
    {
        var jar = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = jar }) { Timeout = TimeSpan.FromSeconds(30) };
        if (variant.IsOurs())
        {
            await new SiteLogin(site.BaseUrl, "/auth/login", RequestSite.PagePath).LogInAsync(browser, CancellationToken.None);
        }
        else
        {
            using var signedIn = await browser.GetAsync(new Uri(site.BaseUrl, $"{RequestSite.SignInPath}?access={Uri.EscapeDataString(access)}&refresh={Uri.EscapeDataString(refresh)}"));
            signedIn.EnsureSuccessStatusCode();
        }
        return jar.GetCookieHeader(site.BaseUrl) is { Length: > 0 } header ? header : throw new InvalidOperationException($"{site.Name}: no cookie after login");
    }

    internal static async Task<Figures> MeasureAsync(HttpClient http, RequestVariant variant, ISite site, string[] cookies, RedisCommands? redis, int round, Settings settings)
    {
        var before = await site.StatsAsync();
        var commandsBefore = redis is null ? 0 : await redis.CountAsync();
        var clock = Stopwatch.StartNew();
        var (latencies, errors, firstError) = await RunRequestsAsync(http, site.BaseUrl, cookies, settings.Requests, settings.Concurrency);
        var seconds = clock.Elapsed.TotalSeconds;
        var commands = redis is null ? (long?)null : await redis.CountAsync() - commandsBefore;
        var after = await site.StatsAsync();
        var cpuSeconds = (after.CpuMs - before.CpuMsAfterCollect) / 1000;
        var allocated = after.AllocatedBytes - before.AllocatedBytes;
        return new Figures(Name(variant), round, latencies.Count, errors, seconds, latencies.Count / seconds, latencies.Count / cpuSeconds,
            Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.99),
            allocated / (double?)settings.Requests, commands / (double?)settings.Requests, firstError);
    }

    /// <summary>
    /// <paramref name="count"/> requests for the page, <paramref name="concurrency"/> at a time, each with the next of
    /// <paramref name="cookies"/> (members taking turns); sorted latencies in ms.
    /// </summary>
    internal static async Task<(List<double> Latencies, int Errors, string? FirstError)> RunRequestsAsync(
        HttpClient http, Uri site, string[] cookies, int count, int concurrency)
    {
        var page = new Uri(site, RequestSite.PagePath);
        var latencies = new List<double>(count);
        var errors = 0;
        string? firstError = null;
        var started = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (int n; (n = Interlocked.Increment(ref started)) <= count;)
            {
                var cookie = cookies[n % cookies.Length];
                var one = Stopwatch.StartNew();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, page);
                    request.Headers.Add("Cookie", cookie);
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK || body != RequestSite.PageText)
                        throw new HttpRequestException($"{RequestSite.PagePath} answered {(int)response.StatusCode}");
                    var elapsed = one.Elapsed.TotalMilliseconds;
                    lock (latencies) latencies.Add(elapsed);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        }));
        latencies.Sort();
        return (latencies, errors, firstError);
    }
}

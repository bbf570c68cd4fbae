using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wix.Auth.AspNetCore;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// Issue 25, item 4: a Redis holding 10k, 100k, 1M members. For each size, a fresh <c>redis-server</c>; two sites in their
/// own processes on it — this library's member session (<c>AddRedis</c>) and cookie authentication with an
/// <see cref="ITicketStore"/> — each with <c>members</c> members logged in the way it logs them in; then each side's
/// population filled up to the size with copies of a real member's state written through the real store (ours: the
/// <see cref="ISessionStore"/> that <c>AddRedis</c> registers; theirs: the ticket store over <c>IDistributedCache</c>), in
/// the same Redis. Reported: load time, Redis memory per session (<c>INFO memory</c> before and after the fill, and
/// <c>MEMORY USAGE</c> of a sample of each side's keys), and the authenticated request at that size (the members taking
/// turns): requests per CPU-second of the site's process and p99, rounds alternating the sides.
/// </summary>
internal static class ScaleBench
{
    public sealed record Load(string Side, int Sessions, double Seconds, double PerSecond, double UsedMemoryBytesPerSession, double MemoryUsageBytesPerSession, long UsedMemoryBytes);

    /// <summary>One round of the request at one size.</summary>
    public sealed record Round(int Sessions, RequestBench.Figures Figures);

    public sealed record Settings(int[] Sizes, int Members = 200, int Rounds = 3, int Requests = 20_000, int Concurrency = 16, int Warmup = 2_000, int FillConcurrency = 128, bool InProcess = false);

    /// <summary>Runs every size; <paramref name="report"/> sees each figure as it is measured. Returns the table of medians.</summary>
    public static async Task<string> RunAsync(Settings settings, Action<object> report)
    {
        var loads = new List<Load>();
        var rounds = new List<Round>();
        void Loaded(Load load)
        {
            loads.Add(load);
            report(load);
        }

        foreach (var size in settings.Sizes)
        {
            await using var redis = await RedisServer.StartAsync();
            await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
            await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
            await using var commands = await RedisCommands.ConnectAsync(redis.ConnectionString);
            var server = admin.GetServer(admin.GetEndPoints()[0]);
            using var emulatorLogin = new Benchmarks.Shared.EmulatorLogin(emulator.BaseUrl);
            var tokens = await emulatorLogin.LogInAsync(emulatorLogin.NewClient());

            var sides = new List<(RequestVariant Variant, ISite Site, string[] Cookies)>();
            try
            {
                foreach (var variant in new[] { RequestVariant.MemberRedis, RequestVariant.CookieRedisTicketStore })
                {
                    var site = await RequestBench.StartAsync(variant, emulator.BaseUrl, redis.ConnectionString, settings.InProcess);
                    var cookies = new string[settings.Members];
                    for (var i = 0; i < cookies.Length; i++)
                        cookies[i] = await RequestBench.LogInAsync(site, variant, tokens.AccessToken.Value.Reveal(), tokens.RefreshToken.Value.Reveal());
                    sides.Add((variant, site, cookies));
                }

                var fill = size - settings.Members;
                Loaded(await FillOursAsync(redis.ConnectionString, server, admin.GetDatabase(), size, fill, settings.FillConcurrency));
                Loaded(await FillTicketsAsync(redis.ConnectionString, server, admin.GetDatabase(), size, fill, settings.FillConcurrency));

                using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = settings.Concurrency, AllowAutoRedirect = false })
                {
                    Timeout = TimeSpan.FromSeconds(30),
                };
                foreach (var (_, site, cookies) in sides) await RequestBench.RunRequestsAsync(http, site.BaseUrl, cookies, settings.Warmup, settings.Concurrency);
                var requests = new RequestBench.Settings(settings.Rounds, settings.Requests, settings.Concurrency, settings.Warmup);
                for (var round = 1; round <= settings.Rounds; round++)
                {
                    foreach (var (variant, site, cookies) in round % 2 == 1 ? sides : Enumerable.Reverse(sides))
                    {
                        var figures = await RequestBench.MeasureAsync(http, variant, site, cookies, commands, round, requests);
                        rounds.Add(new Round(size, figures));
                        report(rounds[^1]);
                    }
                }
            }
            finally
            {
                foreach (var (_, site, _) in sides) await site.DisposeAsync();
            }
        }
        return Table(loads, rounds);
    }

    // One row per size and side: the fill, Redis memory per session, and the medians over rounds of the request figures.
    private static string Table(List<Load> loads, List<Round> rounds)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var table = new System.Text.StringBuilder();
        table.AppendLine("| sessions | side | load: s | load: sessions/s | Redis used_memory / session | MEMORY USAGE / session | Redis used_memory in all | requests/CPU-s (median) | p50 ms | p99 ms (median) | errors |");
        table.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var load in loads)
        {
            var mine = rounds.Where(r => r.Sessions == load.Sessions && r.Figures.Variant == load.Side).Select(r => r.Figures).ToList();
            table.AppendLine(CultureInfo.InvariantCulture, $"| {load.Sessions:N0} | {load.Side} | {load.Seconds:F1} | {load.PerSecond:N0} | {load.UsedMemoryBytesPerSession:N0} B | {load.MemoryUsageBytesPerSession:N0} B | {load.UsedMemoryBytes / 1048576.0:N0} MiB | {Median(mine.Select(f => f.PerCpuSecond)):N0} | {Median(mine.Select(f => f.P50Ms)):F1} | {Median(mine.Select(f => f.P99Ms)):F1} | {mine.Sum(f => f.Errors)} |");
        }
        return table.ToString();
    }

    // Copies of a real member's session, each under a new session key of the real shape, through the store AddRedis registers.
    private static async Task<Load> FillOursAsync(string redis, IServer server, IDatabase database, int size, int count, int concurrency)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWixAuth(o => o.ClientId = DemoData.ClientId).AddAspNetCore().AddRedis(redis);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ISessionStore>();
        var realKey = server.Keys(pattern: "wix:{*}:session").First().ToString();
        var sessionKey = realKey["wix:{".Length..realKey.IndexOf("}:session", StringComparison.Ordinal)];
        var state = await store.GetAsync(sessionKey, default) ?? throw new InvalidOperationException("the logged-in member has no session");

        var (seconds, before, after) = await FillAsync(server, count, concurrency, () => store.SetAsync(NewSessionKey(), state, default).AsTask());
        var sample = server.Keys(pattern: "wix:{*}:session", pageSize: 1000).Take(500).Select(k => k.ToString()).ToList();
        var usage = 0.0;
        foreach (var key in sample)
        {
            var tag = key[..key.LastIndexOf(':')];
            usage += (long)(await database.ExecuteAsync("MEMORY", "USAGE", key)) + (long)(await database.ExecuteAsync("MEMORY", "USAGE", tag + ":fence"));
        }
        return new Load("member session, Redis", size, seconds, count / seconds, (after - before) / (double)count, usage / sample.Count, after);
    }

    // Copies of a real member's ticket, each stored by the ticket store under a new key, as a sign-in does.
    private static async Task<Load> FillTicketsAsync(string redis, IServer server, IDatabase database, int size, int count, int concurrency)
    {
        using var cache = new RedisCache(Options.Create(new RedisCacheOptions { Configuration = redis }));
        var tickets = new DistributedCacheTicketStore(cache);
        var realKey = server.Keys(pattern: "auth-ticket:*").First().ToString();
        var ticket = await tickets.RetrieveAsync(realKey["auth-ticket:".Length..]) ?? throw new InvalidOperationException("the signed-in member has no ticket");

        var (seconds, before, after) = await FillAsync(server, count, concurrency, () => tickets.StoreAsync(ticket));
        var sample = server.Keys(pattern: "auth-ticket:*", pageSize: 1000).Take(500).ToList();
        var usage = 0.0;
        foreach (var key in sample) usage += (long)(await database.ExecuteAsync("MEMORY", "USAGE", key));
        return new Load("cookie, ITicketStore in Redis", size, seconds, count / seconds, (after - before) / (double)count, usage / sample.Count, after);
    }

    private static async Task<(double Seconds, long Before, long After)> FillAsync(IServer server, int count, int concurrency, Func<Task> write)
    {
        var before = await UsedMemoryAsync(server);
        var clock = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count) await write();
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, before, await UsedMemoryAsync(server));
    }

    private static async Task<long> UsedMemoryAsync(IServer server)
    {
        var memory = (await server.InfoAsync("memory")).SelectMany(g => g).Single(p => p.Key == "used_memory").Value;
        return long.Parse(memory, CultureInfo.InvariantCulture);
    }

    // The shape of the site's keys: "wix.web:" and the base64url SHA-256 of a session cookie.
    private static string NewSessionKey() => "wix.web:" + Convert.ToBase64String(SHA256.HashData(RandomNumberGenerator.GetBytes(32))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Globalization;
using System.Text.Json;
using Wix.Auth.Emulator;
using Wix.Auth.Load;
using Wix.Auth.Load.Sites;
using Wix.Auth.Samples.WebSite;

// Load and memory checks, bounded in count and time, loopback only. Exit code 1 when a must-hold figure fails.
//   contention [--calls 200] [--expiries 5]
//   logins [--flows 2000] [--concurrency 16] [--max-seconds 60] [--base-url URL]      WixAuthClient against the emulator
//   logins --site URL [--login-path /auth/login] [--member-path /account] [...]        the demo site (and its emulator)
//   memory [--entries 100000]
// Sites, side by side (issue 16; bench/site.sh runs both and prints the table), one JSON line per site and round:
//   requests [--rounds 5] [--requests 20000] [--concurrency 16] [--warmup 2000] [--max-warmup-rounds 10] [--redis host:port]   the authenticated request
//   site-logins [--rounds 5] [--logins 300] [--concurrency 8] [--max-warmup-rounds 20]                the site's login vs the floor and @wix/sdk
// Redis at scale (issue 25; bench/scale.sh prints the table): sessions loaded through the real stores, then the request
//   scale [--sizes 10000,100000,1000000] [--members 200] [--rounds 3] [--requests 20000] [--concurrency 16]
//   soak [--seconds 180] [--members 32] [--ttl 20]     logins, refreshes, logouts, abandoned and refused logins; then every key expires
// The processes those start (each prints its URL, then answers a line on stdin with its stats, and stops when stdin closes):
//   request-site --variant CookieTicket|CookieRedisTicketStore|MemberInMemory|MemberRedis --api-base-url URL [--redis host:port]
//   demo-site --api-base-url URL          floor-site --api-base-url URL          emulator
var mode = args.FirstOrDefault() ?? "";
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p[0][2..], p => p[1], StringComparer.Ordinal);
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string? Text(string name) => options.GetValueOrDefault(name);

switch (mode)
{
    case "contention":
    {
        var expiries = await Contention.RunAsync(Int("calls", 200), Int("expiries", 5));
        Console.WriteLine($"| expiry | concurrent calls | refresh requests at the emulator | 200 OK | other | ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var e in expiries) Console.WriteLine($"| {e.Index} | {e.Ok + e.NotOk} | {e.Refreshes} | {e.Ok} | {e.NotOk} | {e.Milliseconds:F0} |");
        var held = expiries.All(e => e.Refreshes == 1 && e.NotOk == 0);
        Console.WriteLine(held ? "exactly one refresh per expiry: met" : "exactly one refresh per expiry: MISSED");
        return held ? 0 : 1;
    }
    case "logins":
    {
        var (flows, concurrency, maxSeconds) = (Int("flows", 2000), Int("concurrency", 16), Int("max-seconds", 60));
        LoginLoad.Summary summary;
        if (Text("site") is { } site)
        {
            var login = new SiteLogin(new Uri(site), Text("login-path") ?? "/auth/login", Text("member-path") ?? "/account");
            summary = await LoginLoad.RunAsync($"demo site {site}", login.LogInAsync, flows, concurrency, maxSeconds);
        }
        else
        {
            summary = await LoginLoad.AgainstEmulatorAsync(Text("base-url") is { } url ? new Uri(url) : null, flows, concurrency, maxSeconds);
        }
        Console.WriteLine("| target | concurrency | logins | errors | seconds | logins/s | p50 ms | p99 ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| {summary.Target} | {concurrency} | {summary.Completed} | {summary.Errors} | {summary.Seconds:F1} | {summary.PerSecond:F1} | {summary.P50Ms:F1} | {summary.P99Ms:F1} |");
        if (summary.FirstError is { } error) Console.WriteLine($"first error: {error}");
        return summary.Errors == 0 && summary.Completed > 0 ? 0 : 1;
    }
    case "memory":
    {
        var r = await Memory.RunAsync(Int("entries", 100_000));
        Console.WriteLine($"| pending logins | store bytes/entry | store + login bytes/entry | allocated bytes/save | held | visible after TTL | evicted by SweepExpired | held after | heap freed by sweep |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| {r.Entries:N0} | {r.StoreBytesPerEntry:F0} | {r.TotalBytesPerEntry:F0} | {r.AllocatedBytesPerSave:F0} | {r.HeldBeforeSweep:N0} | {r.VisibleAfterTtl} | {r.Evicted:N0} | {r.HeldAfterSweep} | {r.HeapBytesFreedBySweep / 1024.0 / 1024.0:F1} MiB |");
        return r.Evicted == r.Entries && r.VisibleAfterTtl == 0 ? 0 : 1;
    }
    case "requests":
    {
        var settings = new RequestBench.Settings(Int("rounds", 5), Int("requests", 20_000), Int("concurrency", 16), Int("warmup", 2_000), Text("redis"), MaxWarmupRounds: Int("max-warmup-rounds", 10));
        var figures = await RequestBench.RunAsync(settings, f => Console.WriteLine(JsonSerializer.Serialize(f, JsonSerializerOptions.Web)));
        return figures.All(f => f.Errors == 0) ? 0 : 1;
    }
    case "scale":
    {
        var sizes = (Text("sizes") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var settings = new ScaleBench.Settings(sizes, Int("members", 200), Int("rounds", 3), Int("requests", 20_000), Int("concurrency", 16), Int("warmup", 2_000));
        Console.WriteLine(await ScaleBench.RunAsync(settings, f => Console.WriteLine(JsonSerializer.Serialize(f, JsonSerializerOptions.Web))));
        return 0;
    }
    case "soak":
    {
        var result = await SoakBench.RunAsync(Int("seconds", 180), Int("members", 32), TimeSpan.FromSeconds(Int("ttl", 20)), Console.Error.WriteLine);
        Console.WriteLine(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
        Console.WriteLine(result.Clean ? "bounded and clean: met" : "bounded and clean: MISSED");
        return result.Clean ? 0 : 1;
    }
    case "site-logins":
    {
        var settings = new LoginBench.Settings(Int("rounds", 5), Int("logins", 300), Int("concurrency", 8), Int("max-warmup-rounds", 20));
        var figures = await LoginBench.RunAsync(settings, f => Console.WriteLine(JsonSerializer.Serialize(f, JsonSerializerOptions.Web)));
        return figures.All(f => f.Errors == 0) ? 0 : 1;
    }
    case "request-site":
    {
        var (app, baseUrl) = await RequestSite.StartAsync(Enum.Parse<RequestVariant>(Text("variant")!), new Uri(Text("api-base-url")!), Text("redis"));
        await SiteStats.ServeAsync(baseUrl);
        await app.DisposeAsync();
        return 0;
    }
    case "demo-site":
    {
        await using var site = await WebSiteHost.StartAsync(LoginBench.DemoSiteOptions(new Uri(Text("api-base-url")!)));
        await SiteStats.ServeAsync(site.BaseUrl);
        return 0;
    }
    case "floor-site":
    {
        var (app, baseUrl) = await FloorSite.StartAsync(new Uri(Text("api-base-url")!));
        await SiteStats.ServeAsync(baseUrl);
        await app.DisposeAsync();
        return 0;
    }
    case "emulator":
    {
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await SiteStats.ServeAsync(emulator.BaseUrl);
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: Wix.Auth.Load contention | logins | memory | requests | site-logins  (see the comment at the top of Program.cs)");
        return 2;
}

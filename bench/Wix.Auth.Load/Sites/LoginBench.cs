using Microsoft.Extensions.Logging;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// Issues 16 and 24: the site's login, side by side. The demo site (samples/WebSite, sessions in memory), the floor app
/// (<see cref="FloorSite"/>: the same I/O and no auth logic) and a Node site on <c>@wix/sdk</c> (bench/js/sdk-site.mjs,
/// tokens in an encrypted cookie), each in its own process, against one emulator in a fourth, warmed up until steady, driven by the same scripted member (<see cref="SiteLogin"/>: the site's login path, the emulator's form, the
/// callback, the members' page) at the same concurrency, the order turning by round. Per site and round: logins per
/// second and per CPU-second of the site's process (the emulator's CPU is its own), p50/p99, and the site's live heap
/// after a full collection per session logged in.
/// </summary>
internal static class LoginBench
{
    public sealed record Figures(
        string Site, int Round, int Logins, int Errors, double Seconds, double PerSecond, double PerCpuSecond,
        double P50Ms, double P99Ms, double HeapBytesPerSession, double? AllocatedBytesPerLogin, string? FirstError,
        int WarmupRounds, bool Settled, long? MethodsJitted);

    /// <param name="MaxWarmupRounds">Warm-up rounds at most: they go on until every site's last two agree within <paramref name="Tolerance"/>.</param>
    /// <param name="Tolerance">How close two warm-up rounds' logins per CPU-second must be (relative to the larger) to call a site warm.</param>
    public sealed record Settings(
        int Rounds = 5, int Logins = 300, int Concurrency = 8, int MaxWarmupRounds = 20, double MaxSeconds = 120, bool InProcess = false,
        double Tolerance = 0.10);

    public const string DemoSite = "demo site (.NET)";
    public const string FloorSiteName = "floor app (same I/O, no auth)";
    public const string NodeSite = "@wix/sdk site (Node)";

    public static async Task<IReadOnlyList<Figures>> RunAsync(Settings settings, Action<Figures> report)
    {
        await using var emulator = await StartEmulatorAsync(settings.InProcess);
        var sites = new List<ISite>();
        try
        {
            sites.Add(await StartDemoSiteAsync(emulator.BaseUrl, settings.InProcess));
            sites.Add(await StartFloorSiteAsync(emulator.BaseUrl, settings.InProcess));
            sites.Add(await StartNodeSiteAsync(emulator.BaseUrl));

            // Steady state before anything counts: the JIT's tiers, the pools and the connections settle over the first
            // thousands of logins.
            var (warmup, settled) = await SteadyState.WarmUpAsync(sites, s => s.Name, async (site, round) =>
            {
                var figures = await MeasureAsync(site, round, settings, 0, false);
                return (figures.PerCpuSecond, $"{figures.PerCpuSecond:F0} logins per CPU-s" + (figures.MethodsJitted is { } j ? $" ({j} methods jitted)" : ""));
            }, settings.MaxWarmupRounds, settings.Tolerance);

            var all = new List<Figures>();
            for (var round = 1; round <= settings.Rounds; round++)
            {
                // The order turns each round, so no site always runs first after a pause.
                foreach (var site in sites.Skip((round - 1) % sites.Count).Concat(sites.Take((round - 1) % sites.Count)))
                {
                    var figures = await MeasureAsync(site, round, settings, warmup, settled);
                    all.Add(figures);
                    report(figures);
                }
            }
            return all;
        }
        finally
        {
            foreach (var site in sites) await site.DisposeAsync();
        }
    }

    private static async Task<Figures> MeasureAsync(ISite site, int round, Settings settings, int warmupRounds, bool settled)
    {
        var before = await site.StatsAsync();
        var summary = await LoginsAsync(site, settings.Logins, settings);
        var after = await site.StatsAsync();
        var cpuSeconds = (after.CpuMs - before.CpuMsAfterCollect) / 1000;
        return new Figures(site.Name, round, summary.Completed, summary.Errors, summary.Seconds, summary.PerSecond,
            summary.Completed / cpuSeconds, summary.P50Ms, summary.P99Ms,
            (double)(after.HeapBytes - before.HeapBytes) / Math.Max(1, summary.Completed),
            (after.AllocatedBytes - before.AllocatedBytes) / (double?)Math.Max(1, summary.Completed), summary.FirstError, warmupRounds, settled,
            after.MethodsJitted - before.MethodsJitted);
    }

    /// <summary>The demo site as <c>dotnet run --project samples/WebSite</c> starts it, but on a free port, on the given emulator, without the login rate limit.</summary>
    public static WebSiteOptions DemoSiteOptions(Uri wixApi) => new()
    {
        Url = "http://127.0.0.1:0",
        ApiBaseUrl = wixApi,
        MinimumLogLevel = LogLevel.Warning,
        Web = web => web.LoginsPerMinute = web.LoginsPerClientPerMinute = 1_000_000,
    };

    private static Task<LoginLoad.Summary> LoginsAsync(ISite site, int count, Settings settings) =>
        LoginLoad.RunAsync(site.Name, new SiteLogin(site.BaseUrl, "/auth/login", "/account").LogInAsync, count, settings.Concurrency, settings.MaxSeconds);

    private static async Task<ISite> StartEmulatorAsync(bool inProcess)
    {
        if (!inProcess) return await ChildSite.StartThisProgramAsync("emulator", "emulator");
        var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        return new InProcessSite("emulator", emulator.BaseUrl, emulator.DisposeAsync);
    }

    private static async Task<ISite> StartDemoSiteAsync(Uri wixApi, bool inProcess)
    {
        if (!inProcess) return await ChildSite.StartThisProgramAsync(DemoSite, "demo-site", "--api-base-url", wixApi.ToString());
        var site = await WebSiteHost.StartAsync(DemoSiteOptions(wixApi));
        return new InProcessSite(DemoSite, site.BaseUrl, site.DisposeAsync);
    }

    private static async Task<ISite> StartFloorSiteAsync(Uri wixApi, bool inProcess)
    {
        if (!inProcess) return await ChildSite.StartThisProgramAsync(FloorSiteName, "floor-site", "--api-base-url", wixApi.ToString());
        var (app, baseUrl) = await FloorSite.StartAsync(wixApi);
        return new InProcessSite(FloorSiteName, baseUrl, app.DisposeAsync);
    }

    private static Task<ChildSite> StartNodeSiteAsync(Uri wixApi) =>
        ChildSite.StartAsync(NodeSite, "node", ["--expose-gc", RepositoryFile("bench/js/sdk-site.mjs"), "--api-base-url", wixApi.ToString()]);

    /// <summary>A file of this repository, found from where this program runs (bin/ of a project in it).</summary>
    private static string RepositoryFile(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, relative))) return Path.Combine(folder.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}

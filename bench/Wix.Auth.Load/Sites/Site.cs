using System.Diagnostics;

namespace Wix.Auth.Load.Sites;

/// <summary>A site under measurement: where it listens, and its own figures (<see cref="SiteStats"/>).</summary>
internal interface ISite : IAsyncDisposable
{
    string Name { get; }

    Uri BaseUrl { get; }

    Task<SiteStats> StatsAsync();
}

/// <summary>A site in this process (the smoke tests): its CPU figure includes the driver's, which they do not judge.</summary>
internal sealed class InProcessSite(string name, Uri baseUrl, Func<ValueTask> stop) : ISite
{
    public string Name => name;

    public Uri BaseUrl => baseUrl;

    public Task<SiteStats> StatsAsync() => Task.Run(SiteStats.OfThisProcess);

    public ValueTask DisposeAsync() => stop();
}

/// <summary>
/// A site in a process of its own, so its CPU time and heap are its own: it prints its base URL, then answers each line
/// on stdin with a line of <see cref="SiteStats"/> JSON (<see cref="SiteStats.ServeAsync"/>; bench/js/sdk-site.mjs does
/// the same). Closing stdin stops it.
/// </summary>
internal sealed class ChildSite : ISite
{
    private readonly Process process;
    private ChildSite(string name, Process process, Uri baseUrl) => (Name, this.process, BaseUrl) = (name, process, baseUrl);

    public string Name { get; }

    public Uri BaseUrl { get; }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> (and <paramref name="environment"/>) and waits for its base URL.</summary>
    public static async Task<ChildSite> StartAsync(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var errors = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (errors)
            {
                errors.Enqueue(e.Data);
                if (errors.Count > 20) errors.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? first;
        try
        {
            // Skip anything printed before the URL (a banner), but nothing else is read from stdout in between.
            do first = await process.StandardOutput.ReadLineAsync(timeout.Token);
            while (first is not null && !first.StartsWith("http", StringComparison.Ordinal));
        }
        catch (OperationCanceledException)
        {
            first = null;
        }
        if (first is null)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            lock (errors) throw new InvalidOperationException($"{name} did not start: {string.Join(" / ", errors)}");
        }
        return new ChildSite(name, process, new Uri(first));
    }

    /// <summary>
    /// This program again, in another mode (a .NET site of its own). Its thread pool does not spin while waiting for work
    /// (<c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0</c>): a site below saturation otherwise burns CPU spinning between
    /// requests, which a saturated site (what "per CPU-second" stands for) does not. BENCHMARKS.md shows the difference.
    /// </summary>
    public static Task<ChildSite> StartThisProgramAsync(string name, params string[] arguments)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var environment = new Dictionary<string, string> { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = SpinLimit };
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? StartAsync(name, path, [typeof(ChildSite).Assembly.Location, .. arguments], environment)
            : StartAsync(name, path, arguments, environment);
    }

    /// <summary>The .NET sites' thread-pool spin limit: 0, unless <c>BENCH_SPIN_LIMIT</c> says otherwise (70 is .NET's default).</summary>
    private static string SpinLimit => Environment.GetEnvironmentVariable("BENCH_SPIN_LIMIT") ?? "0";

    public async Task<SiteStats> StatsAsync()
    {
        await process.StandardInput.WriteLineAsync("stats");
        await process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException($"{Name} exited (code {(process.HasExited ? process.ExitCode : -1)}).");
        return SiteStats.FromJson(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}

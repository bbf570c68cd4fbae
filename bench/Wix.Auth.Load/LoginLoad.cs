using System.Diagnostics;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Emulator;

namespace Wix.Auth.Load;

/// <summary>
/// Logins under a bounded load: at most <c>flows</c> logins and <c>maxSeconds</c>, <c>concurrency</c> at a time.
/// Errors are counted, not thrown, so a run reports them all.
/// </summary>
internal static class LoginLoad
{
    public sealed record Summary(string Target, int Completed, int Errors, double Seconds, double PerSecond, double P50Ms, double P99Ms, string? FirstError);

    /// <summary>Runs <paramref name="loginOnce"/> (one whole login; throws on failure) under the load.</summary>
    public static async Task<Summary> RunAsync(string target, Func<CancellationToken, Task> loginOnce, int flows, int concurrency, double maxSeconds)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        var latencies = new List<double>(flows);
        var errors = 0;
        string? firstError = null;
        var started = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!deadline.IsCancellationRequested && Interlocked.Increment(ref started) <= flows)
            {
                var one = Stopwatch.StartNew();
                try
                {
                    await loginOnce(deadline.Token);
                    lock (latencies) latencies.Add(one.Elapsed.TotalMilliseconds);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    // The time bound, not an error: the login was cut short by the end of the run.
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new Summary(target, latencies.Count, errors, seconds, latencies.Count / seconds,
            Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.99), firstError);
    }

    /// <summary>
    /// The whole login straight against the emulator with <see cref="WixAuthClient"/>: the one at
    /// <paramref name="baseUrl"/>, or one started in this process.
    /// </summary>
    public static async Task<Summary> AgainstEmulatorAsync(Uri? baseUrl, int flows, int concurrency, double maxSeconds)
    {
        await using var emulator = baseUrl is null ? await WixEmulator.StartAsync() : null;
        using var login = new EmulatorLogin(baseUrl ?? emulator!.BaseUrl, maxConnections: concurrency);
        var target = baseUrl is null ? "emulator in process, WixAuthClient" : $"emulator at {baseUrl}, WixAuthClient";
        return await RunAsync(target, cancellationToken => login.LogInAsync(login.NewClient(), cancellationToken), flows, concurrency, maxSeconds);
    }
}

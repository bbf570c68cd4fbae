using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;

namespace Wix.Auth.Web.Tests.Support;

/// <summary>
/// Two instances of the demo site on one Redis (a cluster, in the failover tests) serving logged-in members and new logins
/// at a steady rate, with every answer recorded: the load under which a Redis failure is measured (issue 25, item 3).
/// Members' requests alternate between the instances; each new login begins on one instance and completes on the other.
/// The site and the emulator share a fake clock, so a test can make every member's access token expire at a moment of its
/// choosing and count the refreshes Wix receives.
/// </summary>
internal sealed class FarmUnderLoad : IAsyncDisposable
{
    private readonly ConcurrentQueue<Answer> answers = new();
    private readonly ConcurrentQueue<(TimeSpan At, SiteBrowser Browser)> completedLogins = new();
    private readonly SemaphoreSlim clock = new(1, 1);   // a login never straddles a jump of the clock
    private readonly Stopwatch since = Stopwatch.StartNew();
    private readonly List<SiteBrowser> members = [];
    private CancellationTokenSource? running;
    private Task? load;

    private FarmUnderLoad(WixEmulator emulator, WebSiteHost a, WebSiteHost b, FakeTimeProvider time) => (Emulator, A, B, Time) = (emulator, a, b, time);

    public WixEmulator Emulator { get; }

    public WebSiteHost A { get; }

    public WebSiteHost B { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Every answer so far, in the order recorded.</summary>
    public IReadOnlyCollection<Answer> Answers => answers;

    /// <summary>The members logged in before the load began.</summary>
    public IReadOnlyList<SiteBrowser> Members => members;

    /// <summary>The logins completed under load (the callback answered 302 with a session), and when.</summary>
    public IReadOnlyCollection<(TimeSpan At, SiteBrowser Browser)> CompletedLogins => completedLogins;

    /// <summary>Time since the farm started, the scale every <see cref="Answer.At"/> is on.</summary>
    public TimeSpan Now => since.Elapsed;

    /// <summary>One answer: when it was asked, what for, its status, whether it was what a working site answers.</summary>
    /// <summary>
    /// A member page that still knows the member but says the demo's own call to Wix for their name failed (its token could
    /// not be renewed while the store failed over): a degraded page, not a member shown as a visitor.
    /// </summary>
    public const string NameNotLoaded = " (member, name not loaded)";

    public sealed record Answer(TimeSpan At, string What, int Status, bool Ok, bool RetryAfter, bool EmptyBody, double Ms)
    {
        /// <summary>When the answer came.</summary>
        public TimeSpan Answered => At + TimeSpan.FromMilliseconds(Ms);
    }

    public static async Task<FarmUnderLoad> StartAsync(string redis, int members)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator with { TimeProvider = time });
        Task<WebSiteHost> Start() => TestSite.StartSiteAsync(emulator.BaseUrl, o => o with
        {
            Redis = redis,
            TimeProvider = time,
            Web = web => web.LoginsPerClientPerMinute = web.LoginsPerMinute = 1_000_000,   // every login comes from 127.0.0.1
        });
        var farm = new FarmUnderLoad(emulator, await Start(), await Start(), time);
        for (var i = 0; i < members; i++)
        {
            var browser = new SiteBrowser();
            farm.members.Add(browser);
            using var login = await browser.LogInAsync(i % 2 == 0 ? farm.A.BaseUrl : farm.B.BaseUrl, DemoData.Ada);
            Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        }
        return farm;
    }

    /// <summary>Starts the load: <paramref name="requestWorkers"/> members' requests and one login every <paramref name="loginEvery"/>.</summary>
    public void Begin(int requestWorkers, TimeSpan requestEvery, TimeSpan loginEvery)
    {
        running = new CancellationTokenSource();
        var stop = running.Token;
        var next = -1;
        var workers = Enumerable.Range(0, requestWorkers).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                await RequestAsync("member page", members[i % members.Count], i % 2 == 0 ? A.BaseUrl : B.BaseUrl);
                await Task.Delay(requestEvery, CancellationToken.None);
            }
        }));
        var logins = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await LogInAsync(i % 2 == 0 ? (A, B) : (B, A));
                await Task.Delay(loginEvery, CancellationToken.None);
            }
        });
        load = Task.WhenAll(workers.Append(logins));
    }

    /// <summary>Stops the load and waits for the requests in flight.</summary>
    public async Task EndAsync()
    {
        running?.Cancel();
        if (load is not null) await load;
    }

    /// <summary>Makes every access token issued so far expired, as the hours pass; no login is in flight meanwhile.</summary>
    public async Task ExpireTokensAsync()
    {
        await clock.WaitAsync();
        try
        {
            Time.Advance(Emulator.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));
        }
        finally
        {
            clock.Release();
        }
    }

    /// <summary>How many refresh requests Wix has received.</summary>
    public long Refreshes => Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token");

    /// <summary>
    /// Waits until every answer for <paramref name="quiet"/> after <paramref name="from"/> and after the last failure is ok
    /// (at most <paramref name="within"/>); when the last failed answer came, if any did.
    /// </summary>
    public async Task<TimeSpan?> WaitUntilSteadyAsync(TimeSpan from, TimeSpan quiet, TimeSpan within)
    {
        for (var deadline = since.Elapsed + within; ; await Task.Delay(100))
        {
            var lastFailure = answers.Where(a => !a.Ok).Select(a => (TimeSpan?)a.Answered).Max();
            var lastAnswer = answers.Select(a => a.Answered).DefaultIfEmpty().Max();
            if (lastAnswer - (lastFailure is { } f && f > from ? f : from) >= quiet) return lastFailure;
            if (since.Elapsed > deadline) throw new TimeoutException($"the farm did not answer every request for {quiet.TotalSeconds} s within {within.TotalSeconds} s");
        }
    }

    /// <summary>Whether <paramref name="browser"/> is still logged in (its session is in Redis), asking until Redis answers.</summary>
    public async Task<bool> StillLoggedInAsync(SiteBrowser browser)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await browser.GetAsync(attempt % 2 == 0 ? A.BaseUrl : B.BaseUrl);
            if (response.StatusCode == HttpStatusCode.OK) return SiteBrowser.MemberName(await response.Content.ReadAsStringAsync()) is not null;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(attempt < 50, "the site kept answering 503");
            await Task.Delay(200);
        }
    }

    private async Task RequestAsync(string what, SiteBrowser browser, Uri site)
    {
        var at = since.Elapsed;
        var one = Stopwatch.StartNew();
        try
        {
            using var response = await browser.GetAsync(site);
            var body = await response.Content.ReadAsStringAsync();
            var ok = response.StatusCode == HttpStatusCode.OK && SiteBrowser.MemberName(body) is not null;
            var kind = ok || response.StatusCode != HttpStatusCode.OK ? ""
                : body.Contains("You are logged in as a member, but", StringComparison.Ordinal) ? NameNotLoaded : " (as a visitor)";
            Record(at, what + kind, response, body, ok, one);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            answers.Enqueue(new Answer(at, what + ": " + e.GetType().Name, 0, false, false, true, one.Elapsed.TotalMilliseconds));
        }
    }

    // Begin on one instance, sign in at Wix, complete on the other: each of the site's answers is recorded.
    private async Task LogInAsync((WebSiteHost Begin, WebSiteHost Complete) on)
    {
        await clock.WaitAsync();
        var browser = new SiteBrowser();
        var completed = false;
        try
        {
            var at = since.Elapsed;
            var one = Stopwatch.StartNew();
            Uri authUrl;
            using (var begin = await browser.GetAsync(new Uri(on.Begin.BaseUrl, "auth/login?returnUrl=%2F")))
            {
                var ok = begin.StatusCode == HttpStatusCode.Found;
                Record(at, "login start", begin, await begin.Content.ReadAsStringAsync(), ok, one);
                if (!ok) return;
                authUrl = SiteBrowser.Redirected(begin);
            }
            var callback = new UriBuilder(await browser.SignInAtWixAsync(authUrl, DemoData.Ada)) { Port = on.Complete.BaseUrl.Port }.Uri;
            at = since.Elapsed;
            one.Restart();
            using var complete = await browser.GetAsync(callback);
            completed = complete.StatusCode == HttpStatusCode.Found;
            Record(at, "login callback", complete, await complete.Content.ReadAsStringAsync(), completed, one);
            if (completed) completedLogins.Enqueue((since.Elapsed, browser));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            answers.Enqueue(new Answer(since.Elapsed, "login: " + e.GetType().Name, 0, false, false, true, 0));
        }
        finally
        {
            if (!completed) browser.Dispose();
            clock.Release();
        }
    }

    private void Record(TimeSpan at, string what, HttpResponseMessage response, string body, bool ok, Stopwatch one) =>
        answers.Enqueue(new Answer(at, what, (int)response.StatusCode, ok, response.Headers.RetryAfter is not null, body.Length == 0, one.Elapsed.TotalMilliseconds));

    public async ValueTask DisposeAsync()
    {
        await EndAsync();
        running?.Dispose();
        foreach (var browser in members.Concat(completedLogins.Select(l => l.Browser))) browser.Dispose();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Emulator.DisposeAsync();
        clock.Dispose();
    }
}

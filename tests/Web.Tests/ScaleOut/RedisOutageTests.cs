using System.Diagnostics;
using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.ScaleOut;

/// <summary>
/// The site's Redis stopped, paused (SIGSTOP) and restarted empty: every request gets a clear answer — the error page with
/// 503 and <c>Retry-After</c> — within a bounded time, never an empty 500, and the site recovers by itself.
/// </summary>
public sealed class RedisOutageTests
{
    // The site's Redis operations time out after 1 s; a request touches Redis a few times. Generous for a loaded machine,
    // far below the 5–6 s per request that StackExchange.Redis's defaults gave.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(4.5);

    [Fact]
    public async Task Redis_stopped_answers_503_with_Retry_After_for_sessions_logins_and_callbacks_and_recovers_when_it_is_back()
    {
        await using var world = await SiteWithMembers.StartAsync();
        var (redis, site, member, visitor, callback) = world;

        await redis.StopAsync();

        await AssertUnavailableAsync(member, site.BaseUrl);
        await AssertUnavailableAsync(new SiteBrowser(), new Uri(site.BaseUrl, "auth/login"));
        await AssertUnavailableAsync(visitor, callback);

        // Once Redis is back (here empty), the site reconnects by itself and logins work again.
        await redis.RestartEmptyAsync();
        await WaitUntilServingAsync(site);
        using var fresh = new SiteBrowser();
        using (var again = await fresh.LogInAsync(site.BaseUrl, DemoData.Alan)) Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.Equal("Alan Turing", await fresh.MemberNameAsync(site.BaseUrl));
    }

    [Fact]
    public async Task Redis_paused_answers_503_within_the_bound_instead_of_hanging()
    {
        await using var world = await SiteWithMembers.StartAsync();
        var (redis, site, member, midway, callback) = world;

        redis.Pause();
        try
        {
            await AssertUnavailableAsync(member, site.BaseUrl);
            await AssertUnavailableAsync(new SiteBrowser(), new Uri(site.BaseUrl, "auth/login"));
            await AssertUnavailableAsync(midway, callback);
        }
        finally
        {
            redis.Resume();
        }
        await WaitUntilServingAsync(site);
        Assert.Equal("Ada Lovelace", await member.MemberNameAsync(site.BaseUrl));
        // The refused callback spent nothing: its login ticket stayed, and reloading it completes the login.
        using (var reloaded = await midway.GetAsync(callback)) Assert.Equal(HttpStatusCode.Found, reloaded.StatusCode);
        Assert.Equal("Alan Turing", await midway.MemberNameAsync(site.BaseUrl));
    }

    [Fact]
    public async Task Redis_restarted_empty_ends_sessions_and_pending_logins_cleanly_and_new_logins_work()
    {
        await using var world = await SiteWithMembers.StartAsync();
        var (redis, site, member, midway, callback) = world;

        await redis.RestartEmptyAsync();
        await WaitUntilServingAsync(site);

        // What Redis held is gone (docs/web.md, Operations): the member is a visitor again, the pending login is unknown.
        Assert.Null(await member.MemberNameAsync(site.BaseUrl));
        using (var lost = await midway.GetAsync(callback))
        {
            Assert.Equal(HttpStatusCode.BadRequest, lost.StatusCode);
            Assert.Equal("no_pending_login", SiteBrowser.ErrorCode(await lost.Content.ReadAsStringAsync()));
        }
        using (var again = await member.LogInAsync(site.BaseUrl, DemoData.Ada)) Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.Equal("Ada Lovelace", await member.MemberNameAsync(site.BaseUrl));
    }

    [Fact]
    public async Task Redis_stalling_during_the_code_exchange_loses_no_tokens_when_it_answers_within_the_request()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var site = await StartInstanceAsync(emulator, redis);
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.BaseUrl), DemoData.Ada);
        emulator.Faults.Add(FaultSpec.Latency(EmulatorEndpoint.Token, TimeSpan.FromMilliseconds(700)) with { Count = 1 });

        var answer = browser.GetAsync(callback);
        await Task.Delay(300);                      // the code is at Wix now
        redis.Pause();
        await Task.Delay(2500);                     // the tokens arrive while Redis stalls, longer than its timeout
        redis.Resume();

        using var response = await answer;
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.BaseUrl));
    }

    [Fact]
    public async Task Redis_killed_during_the_code_exchange_answers_503_and_starts_no_session()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var site = await StartInstanceAsync(emulator, redis);
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.BaseUrl), DemoData.Ada);
        emulator.Faults.Add(FaultSpec.Latency(EmulatorEndpoint.Token, TimeSpan.FromMilliseconds(800)) with { Count = 1 });

        var clock = Stopwatch.StartNew();
        var answer = browser.GetAsync(callback);
        await Task.Delay(300);
        await redis.StopAsync();
        using var response = await answer;

        await AssertUnavailablePageAsync(response);
        Assert.True(clock.Elapsed < Bound + TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed}");
        Assert.Null(browser.Cookie(site.BaseUrl, "wix.session"));
    }

    // Until the site has reconnected (StackExchange.Redis retries every second or so) it answers 503, Retry-After.
    private static async Task WaitUntilServingAsync(WebSiteHost site)
    {
        using var probe = new SiteBrowser();
        for (var deadline = DateTime.UtcNow.AddSeconds(15); ; await Task.Delay(200))
        {
            using var response = await probe.GetAsync(new Uri(site.BaseUrl, "auth/login"));
            if (response.StatusCode == HttpStatusCode.Found) return;
            await AssertUnavailablePageAsync(response);
            Assert.True(DateTime.UtcNow < deadline, "the site did not reconnect to Redis within 15 s");
        }
    }

    private static async Task AssertUnavailableAsync(SiteBrowser browser, Uri url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await browser.GetAsync(url);
        Assert.True(clock.Elapsed < Bound, $"{url.AbsolutePath} answered after {clock.Elapsed}");
        await AssertUnavailablePageAsync(response);
    }

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("store_unavailable", SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
    }

    private static Task<WebSiteHost> StartInstanceAsync(WixEmulator emulator, RedisServer redis) =>
        TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = redis.ConnectionString });

    /// <summary>What each outage meets: a site on Redis, a member logged in, and another browser midway through a login.</summary>
    private sealed class SiteWithMembers : IAsyncDisposable
    {
        private WixEmulator? emulator;

        public RedisServer Redis { get; private init; } = null!;

        public WebSiteHost Site { get; private init; } = null!;

        public SiteBrowser Member { get; } = new();

        /// <summary>Signed in at Wix, its callback (<see cref="Callback"/>) not yet followed.</summary>
        public SiteBrowser Midway { get; } = new();

        public Uri Callback { get; private set; } = null!;

        public void Deconstruct(out RedisServer redis, out WebSiteHost site, out SiteBrowser member, out SiteBrowser midway, out Uri callback) =>
            (redis, site, member, midway, callback) = (Redis, Site, Member, Midway, Callback);

        public static async Task<SiteWithMembers> StartAsync()
        {
            var redis = await RedisServer.StartAsync();
            var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
            var world = new SiteWithMembers { Redis = redis, Site = await StartInstanceAsync(emulator, redis) };
            world.emulator = emulator;
            using (var login = await world.Member.LogInAsync(world.Site.BaseUrl, DemoData.Ada)) Assert.Equal(HttpStatusCode.Found, login.StatusCode);
            world.Callback = await world.Midway.SignInAtWixAsync(await world.Midway.BeginLoginAsync(world.Site.BaseUrl), DemoData.Alan);
            return world;
        }

        public async ValueTask DisposeAsync()
        {
            Member.Dispose();
            Midway.Dispose();
            await Site.DisposeAsync();
            if (emulator is not null) await emulator.DisposeAsync();
            await Redis.DisposeAsync();
        }
    }
}

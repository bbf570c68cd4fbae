using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Wix.Auth.AspNetCore;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// A login completing in a browser that has a session reads that session from the store once to discard it (through the
/// flow), and once more only when the core's rule needs it (<see cref="LoginQueries.ReplacementNeedsSession"/>): a silent
/// login's, never a login the member saw.
/// </summary>
public sealed class SessionReplacementReadTests
{
    [Fact]
    public async Task A_login_the_member_saw_replaces_the_session_without_reading_it_and_a_silent_one_reads_it()
    {
        await using var site = await OwnSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }
        var first = SessionId.KeyOf(browser.Cookie(site.Url, "wix.session"))!;

        // What any request with the cookie reads (the authentication handler), to compare each callback with.
        var plain = await site.ReadsOfAsync(first, () => browser.GetAsync(site.Url));
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        var seen = await site.ReadsOfAsync(first, () => CompleteAsync(browser, callback));
        var second = SessionId.KeyOf(browser.Cookie(site.Url, "wix.session"))!;
        using (var start = await browser.NavigateAsync(new Uri(site.Url, "auth/login?prompt=none")))
        using (var atWix = await browser.GetAsync(SiteBrowser.Redirected(start)))
            callback = SiteBrowser.Redirected(atWix);
        var silent = await site.ReadsOfAsync(second, () => CompleteAsync(browser, callback));

        Assert.NotEqual(first, second);
        Assert.Equal(plain + 1, seen);
        Assert.Equal(plain + 2, silent);
        Assert.NotEqual(second, SessionId.KeyOf(browser.Cookie(site.Url, "wix.session")));
    }

    private static async Task CompleteAsync(SiteBrowser browser, Uri callback)
    {
        using var done = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Found, done.StatusCode);
    }

    /// <summary>A site of the web host alone, over a store that counts its reads by session key.</summary>
    private sealed class OwnSite : IAsyncDisposable
    {
        private readonly WixEmulator emulator;
        private readonly WebApplication app;
        private readonly CountingStore store;

        private OwnSite(WixEmulator emulator, WebApplication app, CountingStore store, Uri url) => (this.emulator, this.app, this.store, Url) = (emulator, app, store, url);

        public Uri Url { get; }

        public static async Task<OwnSite> StartAsync()
        {
            var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var store = new CountingStore();
            builder.Services.AddSingleton<ISessionStore>(store);
            builder.Services.AddWixAuth(o => (o.ClientId, o.ApiBaseUrl) = (DemoData.ClientId, emulator.BaseUrl))
                .AddAspNetCore(web => web.ResponseMode = ResponseMode.Query);
            var app = builder.Build();
            app.MapGet("/", () => "home");
            app.MapWixAuth("/auth");
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new OwnSite(emulator, app, store, new Uri(address + "/"));
        }

        /// <summary>How many times <paramref name="act"/> made the site read the session <paramref name="sessionKey"/>.</summary>
        public async Task<int> ReadsOfAsync(string sessionKey, Func<Task> act)
        {
            var before = store.Reads.GetValueOrDefault(sessionKey);
            await act();
            return store.Reads.GetValueOrDefault(sessionKey) - before;
        }

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }

    private sealed class CountingStore : ISessionStore
    {
        private readonly InMemorySessionStore inner = new();

        public ConcurrentDictionary<string, int> Reads { get; } = new();

        public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken)
        {
            Reads.AddOrUpdate(sessionKey, 1, (_, n) => n + 1);
            return inner.GetAsync(sessionKey, cancellationToken);
        }

        public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken) => inner.SetAsync(sessionKey, state, cancellationToken);

        public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) => inner.ClearAsync(sessionKey, cancellationToken);
    }
}

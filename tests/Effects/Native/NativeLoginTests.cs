using System.Net;
using System.Net.Sockets;
using System.Text;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;

namespace Wix.Auth.Effects.Tests.Native;

/// <summary>
/// <c>LoginAsync</c> over a real <see cref="SystemBrowser"/>: its loopback listener on 127.0.0.1, the emulator's login
/// page, and in place of the member's browser an HTTP client that opens the page, acts, and follows the emulator's
/// redirect to the listener — all over real HTTP.
/// </summary>
public sealed class NativeLoginTests : IAsyncLifetime
{
    private const string CustomScheme = "myapp://callback";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<Task> members = [];
    private Harness h = null!;
    private readonly List<(HttpStatusCode Status, string Body)> landed = [];

    // The demo app, with the custom-scheme redirect URI a MAUI app would register.
    public async Task InitializeAsync() =>
        h = await Harness.StartAsync(o => o with { Apps = [DemoData.App with { RedirectUris = [.. DemoData.App.RedirectUris, CustomScheme] }] });

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_member_logs_in_in_one_call_and_the_browser_is_told_to_close_the_window()
    {
        using var browser = Browser(async (url, redirect) => await LandAsync(await h.Browser.SignInAsync(url, DemoData.Ada.Email, DemoData.Ada.Password)));

        var login = await h.Client.LoginAsync(browser, browser.RedirectUri, Patience);
        await MembersDoneAsync();

        Assert.True(login.IsSuccess, login.ToString());
        Assert.Equal(TokenRole.Member, login.Value.Tokens.Role);
        Assert.Equal(DemoData.Ada.Id, login.Value.MemberId);   // who logged in, told by Wix's token info
        Assert.True(await h.Client.LoggedInAsync());
        Assert.Equal(HttpStatusCode.OK, Assert.Single(landed).Status);
        Assert.Contains("You can close this window", landed[0].Body);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/callback$", browser.RedirectUri);
    }

    [Fact]
    public async Task A_member_who_cancels_on_the_login_page_gets_Wix_refusal_and_no_member_tokens()
    {
        using var browser = Browser(async (url, _) => await LandAsync(await h.Browser.CancelAsync(url)));

        var login = await h.Client.LoginAsync(browser, browser.RedirectUri, Patience);
        await MembersDoneAsync();

        Assert.Equal("authorization_denied", login.Error?.Code);
        Assert.False(await h.Client.LoggedInAsync());
        Assert.Contains("not completed", Assert.Single(landed).Body);
    }

    [Fact]
    public async Task A_login_nobody_completes_times_out_and_its_callback_is_refused_afterwards()
    {
        string? authUrl = null;
        using var browser = Browser((url, _) => { authUrl = url; return Task.CompletedTask; });

        var login = await h.Client.LoginAsync(browser, browser.RedirectUri, TimeSpan.FromMilliseconds(300));

        Assert.Equal("login_timed_out", login.Error?.Code);
        var late = await h.Browser.SignInAsync(authUrl!, DemoData.Ada.Email, DemoData.Ada.Password);
        using var response = await h.Browser.GetAsync(late.ToString());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await h.Client.LoggedInAsync());

        // The next login goes ahead as if the first had never begun.
        using var again = Browser(async (url, _) => await LandAsync(await h.Browser.SignInAsync(url, DemoData.Ada.Email, DemoData.Ada.Password)));
        Assert.True((await h.Client.LoginAsync(again, again.RedirectUri, Patience)).IsSuccess);
    }

    [Fact]
    public async Task A_cancelled_login_is_a_result_not_an_exception()
    {
        using var cancel = new CancellationTokenSource();
        using var browser = Browser((_, _) => cancel.CancelAsync());

        var login = await h.Client.LoginAsync(browser, browser.RedirectUri, Patience, cancel.Token);

        Assert.Equal("login_cancelled", login.Error?.Code);
        Assert.False(await h.Client.LoggedInAsync());
    }

    [Fact]
    public async Task Requests_to_other_paths_and_callbacks_with_another_state_are_ignored_and_the_real_callback_still_lands()
    {
        var probes = new List<HttpStatusCode>();
        using var browser = Browser(async (url, redirect) =>
        {
            var callback = await h.Browser.SignInAsync(url, DemoData.Ada.Email, DemoData.Ada.Password);
            var root = new Uri(redirect).GetLeftPart(UriPartial.Authority);
            foreach (var stray in new[] { root + "/", root + "/elsewhere" + callback.Query, redirect, redirect + "?code=forged&state=forged", redirect.ToUpperInvariant() + callback.Query })
            {
                using var response = await h.Browser.GetAsync(stray);
                probes.Add(response.StatusCode);
            }
            await LandAsync(callback);
            using var replay = await h.Browser.GetAsync(callback.ToString());
            probes.Add(replay.StatusCode);
        });

        var login = await h.Client.LoginAsync(browser, browser.RedirectUri, Patience);
        await MembersDoneAsync();

        Assert.True(login.IsSuccess, login.ToString());
        Assert.All(probes, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(6, probes.Count);
    }

    [Fact]
    public async Task The_listener_answers_bounded_requests_only_and_keeps_waiting()
    {
        using var browser = Browser(async (url, redirect) =>
        {
            var port = new Uri(redirect).Port;
            Assert.StartsWith("HTTP/1.1 431 ", await RawAsync(port, "GET /callback?" + new string('a', 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 405 ", await RawAsync(port, "POST /callback HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 400 ", await RawAsync(port, "nonsense\r\n\r\n"));
            await LandAsync(await h.Browser.SignInAsync(url, DemoData.Ada.Email, DemoData.Ada.Password));
        });

        Assert.True((await h.Client.LoginAsync(browser, browser.RedirectUri, Patience)).IsSuccess);
        await MembersDoneAsync();
    }

    [Theory]
    [InlineData("user_cancel", "login_cancelled")]
    [InlineData("timeout", "login_timed_out")]
    [InlineData("failed", "browser_failed")]
    public async Task What_a_browser_reports_becomes_a_typed_result(string outcome, string code)
    {
        var browser = new ScriptedBrowser(_ => Task.FromResult(outcome switch
        {
            "user_cancel" => BrowserResult.UserCancel(),
            "timeout" => BrowserResult.Timeout(),
            _ => BrowserResult.Failed("no display"),
        }));

        var login = await h.Client.LoginAsync(browser, CustomScheme, Patience);

        Assert.Equal(code, login.Error?.Code);
        Assert.Equal(CustomScheme, browser.Options?.EndUrl);
    }

    [Fact]
    public async Task A_browser_that_ignores_its_timeout_is_cancelled_when_it_passes()
    {
        var browser = new ScriptedBrowser(async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return BrowserResult.UserCancel();
        });

        var login = await h.Client.LoginAsync(browser, CustomScheme, TimeSpan.FromMilliseconds(200));

        Assert.Equal("login_timed_out", login.Error?.Code);
    }

    [Fact]
    public async Task A_custom_scheme_callback_completes_the_login()
    {
        // What a MAUI WebAuthenticator hands back: the redirect URI with the query Wix added.
        var browser = new ScriptedBrowser(async (options, _) =>
        {
            var callback = await h.Browser.SignInAsync(options.StartUrl, DemoData.Alan.Email, DemoData.Alan.Password);
            return BrowserResult.Success(callback.ToString());
        });

        var login = await h.Client.LoginAsync(browser, CustomScheme, Patience);

        Assert.True(login.IsSuccess, login.ToString());
        Assert.Equal(TokenRole.Member, login.Value.Tokens.Role);
    }

    [Fact]
    public async Task With_an_expected_issuer_the_callbacks_iss_completes_the_login_and_its_absence_refuses_it()
    {
        await using var strict = await Harness.StartAsync(
            o => o with { Apps = [DemoData.App with { RedirectUris = [.. DemoData.App.RedirectUris, CustomScheme] }] }, o => o.ExpectedIssuer = Flows.ExpectedIssuerTests.Issuer);
        // What a browser hands back: the redirect URI with the query Wix added, with Wix's iss or without.
        IBrowser Browser(string iss) => new ScriptedBrowser(async (options, _) =>
            BrowserResult.Success((await strict.Browser.SignInAsync(options.StartUrl, DemoData.Alan.Email, DemoData.Alan.Password)).OriginalString + iss));

        var without = await strict.Client.LoginAsync(Browser(""), CustomScheme, Patience);
        var with = await strict.Client.LoginAsync(Browser("&iss=" + Uri.EscapeDataString(Flows.ExpectedIssuerTests.Issuer)), CustomScheme, Patience);

        Assert.Equal("issuer_mismatch", without.Error?.Code);
        Assert.True(with.IsSuccess, with.ToString());
        Assert.Equal(TokenRole.Member, with.Value.Tokens.Role);
    }

    [Fact]
    public async Task Programming_errors_throw()
    {
        Assert.Throws<ArgumentException>(() => new SystemBrowser(new SystemBrowserOptions { CallbackPath = "callback" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SystemBrowser(new SystemBrowserOptions { Port = 70000 }));
        using var browser = new SystemBrowser();
        await Assert.ThrowsAsync<ArgumentException>(() => browser.InvokeAsync(new BrowserOptions("http://x/", "http://127.0.0.1:1/other")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Client.LoginAsync(browser, browser.RedirectUri, TimeSpan.Zero));
        Assert.DoesNotContain("state-secret", new BrowserOptions("http://x/", "http://y/") { State = "state-secret" }.ToString());
        Assert.DoesNotContain("code", BrowserResult.Success("http://y/?code=secret").ToString());
    }

    // A SystemBrowser whose "operating system browser" is the test: it acts on the login page in the background.
    private SystemBrowser Browser(Func<string, string, Task> member)
    {
        SystemBrowser? browser = null;
        browser = new SystemBrowser(new SystemBrowserOptions
        {
            Open = url =>
            {
                lock (members) members.Add(Task.Run(() => member(url, browser!.RedirectUri)));
                return true;
            },
        });
        return browser;
    }

    // What the member's browser did, to its end (the login completes as soon as the listener has the callback).
    private async Task MembersDoneAsync()
    {
        Task[] all;
        lock (members) all = [.. members];
        await Task.WhenAll(all).WaitAsync(Patience);
    }

    // The browser follows the emulator's redirect to the loopback listener and shows its page.
    private async Task LandAsync(Uri callback)
    {
        using var response = await h.Browser.GetAsync(callback.ToString());
        landed.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    private static async Task<string> RawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync();
    }

    private sealed class ScriptedBrowser(Func<BrowserOptions, CancellationToken, Task<BrowserResult>> answer) : IBrowser
    {
        public ScriptedBrowser(Func<CancellationToken, Task<BrowserResult>> answer) : this((_, ct) => answer(ct))
        {
        }

        public BrowserOptions? Options { get; private set; }

        public Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
        {
            Options = options;
            return answer(options, cancellationToken);
        }
    }
}

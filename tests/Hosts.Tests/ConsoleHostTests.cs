using Wix.Auth.Emulator.Testing;
using System.Net;
using System.Web;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.ConsoleLogin;
using Wix.Auth.Tests.Hosts.Support;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Tests.Hosts;

/// <summary>
/// The console host's loopback login, driven end to end over real HTTP: the host runs in-process with
/// <c>--no-browser</c>, and the test is the member's browser.
/// </summary>
public sealed class ConsoleHostTests : IDisposable
{
    private const string ListeningPrefix = "Listening for the redirect on ";
    private const string InProcessSessionKey = DemoData.ClientId + "@in-process-emulator";

    private readonly TempFolder folder = new();
    private readonly EmulatorBrowser browser = new();
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(60));

    private string TokenFile => folder.File("wix-auth", "tokens.json");

    public void Dispose()
    {
        browser.Dispose();
        guard.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Login_through_the_loopback_redirect_saves_the_tokens_and_prints_the_member()
    {
        var (run, output) = Start("login", "--no-browser", "--token-file", TokenFile);
        var redirectUri = (await output.WaitForLineAsync(l => l.StartsWith(ListeningPrefix)))[ListeningPrefix.Length..];
        var authUrl = await AuthUrlAsync(output);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/callback$", redirectUri);

        var location = await browser.SignInAsync(authUrl, DemoData.Ada.Email, DemoData.Ada.Password);
        Assert.StartsWith(redirectUri + "?", location.ToString());
        using (var landed = await browser.GetAsync(location.ToString()))
        {
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            Assert.Contains("You are logged in", await landed.Content.ReadAsStringAsync());
        }

        Assert.Equal(0, await run);
        Assert.Contains("Logged in as Ada Lovelace <ada@example.com>.", output.Text);
        Assert.True(File.Exists(TokenFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenFile));
        var saved = (TokenPair?)LanguageExt.Prelude.Optional(await new FileSessionStore(TokenFile).GetAsync(InProcessSessionKey, default)).Bind(LoginQueries.TokensOf).Case;
        Assert.Equal(TokenRole.Member, saved?.Role);

        // Nothing secret reached the terminal: not the code, not the tokens.
        var code = HttpUtility.ParseQueryString(location.Query)["code"]!;
        Assert.DoesNotContain(code, output.Text);
        Assert.DoesNotContain(saved!.AccessToken.Value.Reveal(), output.Text);
        Assert.DoesNotContain(saved.RefreshToken.Value.Reveal(), output.Text);
    }

    [Fact]
    public async Task The_listener_answers_404_to_everything_but_the_one_valid_callback()
    {
        var (run, output) = Start("login", "--no-browser", "--token-file", TokenFile);
        var redirectUri = (await output.WaitForLineAsync(l => l.StartsWith(ListeningPrefix)))[ListeningPrefix.Length..];
        var authUrl = await AuthUrlAsync(output);
        var root = new Uri(redirectUri).GetLeftPart(UriPartial.Authority);

        foreach (var probe in new[] { root + "/", root + "/other?code=c&state=s", redirectUri, redirectUri + "?code=c&state=forged" })
        {
            using var response = await browser.GetAsync(probe);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var location = await browser.SignInAsync(authUrl, DemoData.Ada.Email, DemoData.Ada.Password);
        var state = HttpUtility.ParseQueryString(location.Query)["state"]!;
        using (var wrongPath = await browser.GetAsync($"{root}/elsewhere?code=c&state={Uri.EscapeDataString(state)}"))
            Assert.Equal(HttpStatusCode.NotFound, wrongPath.StatusCode);
        using (var landed = await browser.GetAsync(location.ToString()))
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);

        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task Whoami_and_logout_use_the_session_in_the_token_file()
    {
        await using var emulator = await WixEmulator.StartAsync(cancellationToken: guard.Token);
        string[] common = ["--no-browser", "--token-file", TokenFile, "--emulator", emulator.BaseUrl.ToString()];

        var (login, loginOutput) = Start(["login", .. common]);
        var location = await browser.SignInAsync(await AuthUrlAsync(loginOutput), DemoData.Alan.Email, DemoData.Alan.Password);
        (await browser.GetAsync(location.ToString())).Dispose();
        Assert.Equal(0, await login);

        var (whoami, whoamiOutput) = Start(["whoami", .. common]);
        Assert.Equal(0, await whoami);
        Assert.Contains("Logged in as Alan Turing <alan@example.com>.", whoamiOutput.Text);

        var (again, againOutput) = Start(["login", .. common]);
        Assert.Equal(0, await again);
        Assert.Contains("Already logged in as Alan Turing", againOutput.Text);

        var (logout, logoutOutput) = Start(["logout", .. common, "--post-logout-url", "http://127.0.0.1/bye"]);
        Assert.Equal(0, await logout);
        var logoutUrl = (await logoutOutput.WaitForLineAsync(l => l.StartsWith("  http"))).Trim();
        Assert.StartsWith(emulator.BaseUrl.ToString(), logoutUrl);
        Assert.True(LanguageExt.Prelude.Optional(await new FileSessionStore(TokenFile).GetAsync($"{DemoData.ClientId}@{emulator.BaseUrl.Authority}", default)).Bind(LoginQueries.TokensOf).IsNone);
        using (var ended = await browser.GetAsync(logoutUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
            Assert.Equal("http://127.0.0.1/bye", ended.Headers.Location!.ToString());
        }

        var (after, afterOutput) = Start(["whoami", .. common]);
        Assert.Equal(1, await after);
        Assert.Contains("Not logged in", afterOutput.Text);
    }

    [Fact]
    public async Task The_readme_login_whoami_logout_work_as_printed_with_the_in_process_emulator()
    {
        // README: login --no-browser, whoami, logout: three processes, each with its own in-process emulator.
        var (login, loginOutput) = Start("login", "--no-browser", "--token-file", TokenFile);
        var location = await browser.SignInAsync(await AuthUrlAsync(loginOutput), DemoData.Ada.Email, DemoData.Ada.Password);
        (await browser.GetAsync(location.ToString())).Dispose();
        Assert.Equal(0, await login);

        var (whoami, whoamiOutput) = Start("whoami", "--token-file", TokenFile);
        Assert.Equal(0, await whoami);
        Assert.Contains("Logged in as Ada Lovelace <ada@example.com>.", whoamiOutput.Text);
        Assert.Contains("not checked again", whoamiOutput.Text);

        var (logout, logoutOutput) = Start("logout", "--token-file", TokenFile);
        Assert.Equal(0, await logout);
        Assert.Contains("Logged out; the tokens were removed", logoutOutput.Text);
        // No browser was opened and no link printed: the emulator that held the browser session has ended.
        Assert.Contains("its browser session with it: nothing more to do.", logoutOutput.Text);
        Assert.DoesNotContain("/_api/redirect", logoutOutput.Text);
        Assert.DoesNotContain("open this URL", logoutOutput.Text);
        Assert.False(File.Exists(SavedMember.PathFor(TokenFile)));

        var (after, afterOutput) = Start("whoami", "--token-file", TokenFile);
        Assert.Equal(1, await after);
        Assert.Contains("Not logged in", afterOutput.Text);
    }

    [Fact]
    public async Task Logout_brings_the_browser_back_from_Wix_to_a_logged_out_page_that_loads()
    {
        await using var emulator = await WixEmulator.StartAsync(cancellationToken: guard.Token);
        string[] common = ["--no-browser", "--token-file", TokenFile, "--emulator", emulator.BaseUrl.ToString()];
        var (login, loginOutput) = Start(["login", .. common]);
        (await browser.GetAsync((await browser.SignInAsync(await AuthUrlAsync(loginOutput), DemoData.Ada.Email, DemoData.Ada.Password)).ToString())).Dispose();
        Assert.Equal(0, await login);

        var (logout, logoutOutput) = Start(["logout", .. common]);
        var logoutUrl = (await logoutOutput.WaitForLineAsync(l => l.StartsWith("  http"))).Trim();
        var back = await browser.FollowAsync(logoutUrl);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/logged-out$", back.ToString());
        using (var stray = await browser.GetAsync(new Uri(back, "/favicon.ico").ToString()))
            Assert.Equal(HttpStatusCode.NotFound, stray.StatusCode);
        using (var page = await browser.GetAsync(back.ToString()))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("You are logged out", await page.Content.ReadAsStringAsync());
        }

        Assert.Equal(0, await logout);
        Assert.Contains("The browser is back: the Wix session has ended too.", logoutOutput.Text);
    }

    [Fact]
    public async Task Whoami_without_a_saved_member_for_in_process_tokens_asks_for_a_new_login()
    {
        await SaveEarlierMemberTokensAsync();

        var (run, output) = Start("whoami", "--token-file", TokenFile);

        Assert.Equal(1, await run);
        Assert.Contains("who it was is not known. Run 'login' again.", output.Text);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("login", "--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_and_succeeds(params string[] args)
    {
        var (run, output) = Start(args);

        Assert.Equal(0, await run);
        Assert.Contains("Usage: ConsoleLogin", output.Text);
        Assert.Contains("whoami                say who the saved tokens belong to", output.Text);
    }

    [Fact]
    public async Task Saved_tokens_that_Wix_refuses_are_dropped_and_the_login_goes_ahead()
    {
        await SaveEarlierMemberTokensAsync();

        var (run, output) = Start("login", "--no-browser", "--token-file", TokenFile);
        var location = await browser.SignInAsync(await AuthUrlAsync(output), DemoData.Ada.Email, DemoData.Ada.Password);
        (await browser.GetAsync(location.ToString())).Dispose();

        Assert.Equal(0, await run);
        Assert.Contains("The saved session came from an earlier in-process emulator, which has ended; logging in again.", output.Text);
        Assert.Contains("Logged in as Ada Lovelace", output.Text);
        var saved = (TokenPair?)LanguageExt.Prelude.Optional(await new FileSessionStore(TokenFile).GetAsync(InProcessSessionKey, default)).Bind(LoginQueries.TokensOf).Case;
        Assert.NotEqual("stale-access", saved!.AccessToken.Value.Reveal());
    }

    [Fact]
    public async Task A_cancelled_login_is_reported_and_saves_no_member_tokens()
    {
        var (run, output) = Start("login", "--no-browser", "--token-file", TokenFile);
        var location = await browser.CancelAsync(await AuthUrlAsync(output));
        using (var landed = await browser.GetAsync(location.ToString()))
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);

        Assert.Equal(1, await run);
        Assert.Contains("authorization_denied", output.Text);
        // The visitor tokens that created the login session may be kept, as the SDK keeps them; a member's never came.
        var saved = (TokenPair?)LanguageExt.Prelude.Optional(await new FileSessionStore(TokenFile).GetAsync(InProcessSessionKey, default)).Bind(LoginQueries.TokensOf).Case;
        Assert.NotEqual(TokenRole.Member, saved?.Role);
    }

    [Fact]
    public async Task A_login_nobody_completes_times_out()
    {
        var (run, output) = Start("login", "--no-browser", "--token-file", TokenFile, "--timeout", "1s");

        Assert.Equal(1, await run);
        Assert.Contains("No login completed within 1 s. [login_timed_out]", output.Text);
    }

    [Theory]
    [InlineData]
    [InlineData("dance")]
    [InlineData("login", "--timeout", "soon")]
    [InlineData("login", "--emulator", "ftp://example.com")]
    public async Task A_bad_command_line_prints_the_usage(params string[] args)
    {
        var (run, output) = Start(args);

        Assert.Equal(2, await run);
        Assert.Contains("Usage: ConsoleLogin", output.Text);
    }

    // Member tokens from an earlier run's in-process emulator, which a new one has never issued.
    private Task SaveEarlierMemberTokensAsync() =>
        new FileSessionStore(TokenFile).SetAsync(InProcessSessionKey, LoginState.FromTokens(new TokenPair(
            new AccessToken("stale-access".AsSecret(), DateTimeOffset.UtcNow.AddHours(1)),
            new RefreshToken("stale-refresh".AsSecret(), TokenRole.Member))), default).AsTask();

    private (Task<int> Run, CapturedOutput Output) Start(params string[] args)
    {
        var output = new CapturedOutput();
        return (Task.Run(() => ConsoleLoginApp.RunAsync(args, output, guard.Token)), output);
    }

    private static async Task<string> AuthUrlAsync(CapturedOutput output) =>
        (await output.WaitForLineAsync(l => l.StartsWith("  http") && l.Contains("/_api/oauth2/authorize"))).Trim();
}

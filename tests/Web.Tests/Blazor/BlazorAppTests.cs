using Microsoft.Playwright;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Faults;
using Wix.Auth.Emulator.Observation;
using Wix.Auth.Samples.BlazorWasm.Host;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Blazor;

/// <summary>
/// The Blazor WebAssembly demo in Chromium: the whole login runs in the page (the core compiled to WebAssembly, storage in
/// the tab, calls to the emulator cross-origin), as the seed describes it.
/// </summary>
public sealed class BlazorAppTests(BlazorAppFixture fixture) : IClassFixture<BlazorAppFixture>
{
    // What the pages wrote to the console, for the message of a step that timed out.
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> console = new();

    private BlazorWasmHost Host => fixture.Host;
    private IBrowser Browser => fixture.Chromium.Browser;

    [Fact]
    public async Task A_member_logs_in_for_a_member_only_page_keeps_it_over_a_reload_and_logs_out()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var logouts = Host.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession, "logout");

        // A visitor asking for the member-only page is sent to Wix's login page, and back to that page afterwards.
        await page.GotoAsync(Host.BaseUrl + "members");
        await SignInAsync(page, DemoData.Ada);
        await ShowsAsync(page, "#nickname", "Ada Lovelace");
        Assert.Equal(Host.BaseUrl + "members", page.Url);
        Assert.Equal("member", await page.Locator("#member-status").InnerTextAsync());
        // The tab keeps the session's state, not the login's leftovers: the pending login and the tab's ticket are gone.
        var stored = await SessionStorageKeysAsync(page);
        Assert.Contains("wix-auth:session:default", stored);
        Assert.DoesNotContain(stored, k => k.StartsWith("wix-auth:pending:", StringComparison.Ordinal) || k == "wix-auth:login");

        await page.ReloadAsync();
        await ShowsAsync(page, "#nickname", "Ada Lovelace");
        Assert.Equal("member", await page.Locator("#member-status").InnerTextAsync());

        // Through Wix's logout URL and back to the app's home page, a visitor there.
        await page.Locator("#logout").ClickAsync();
        // Only the address is awaited here (its document committed), not the load event: what the page shows is the next step.
        await ShowsAsync(page, () => page.WaitForURLAsync(Host.BaseUrl.ToString(), new() { WaitUntil = WaitUntilState.Commit }));
        await ShowsAsync(page, "#member-status", "visitor");
        Assert.DoesNotContain("wix-auth:session:default", await SessionStorageKeysAsync(page));
        Assert.Equal(logouts + 1, Host.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession, "logout"));
    }

    [Fact]
    public async Task In_query_mode_the_callback_arrives_in_the_query_and_leaves_the_address_bar_too()
    {
        await using var host = await BlazorAppFixture.StartHostAsync(ResponseMode.Query);
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.BaseUrl.ToString());
        await ShowsAsync(page, () => page.Locator("#login").ClickAsync());
        await page.GetByLabel("Email").WaitForAsync();
        var callback = await SignInElsewhereAsync(page.Url, DemoData.Ada);
        Assert.Contains("?code=", callback.ToString());

        await page.GotoAsync(callback.ToString());
        await ShowsAsync(page, "#member-status", "member");
        Assert.Equal(host.BaseUrl.ToString(), page.Url);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_once_for_three_calls_at_once_and_the_member_stays()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Host.BaseUrl + "members");
        await SignInAsync(page, DemoData.Ada);
        await ShowsAsync(page, "#nickname", "Ada Lovelace");
        var refreshes = Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token");

        // Whatever token the page holds now was issued before this line, so it is due for renewal after the margin.
        await Task.Delay(TimeSpan.FromSeconds(BlazorAppFixture.TokenLifetime.TotalSeconds - BlazorAppFixture.RefreshMarginSeconds + 1));
        await page.Locator("#call-api").ClickAsync();
        await ShowsAsync(page, "#api-result", "Ada Lovelace | Ada Lovelace | Ada Lovelace");

        Assert.Equal(refreshes + 1, Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
        Assert.Equal("member", await page.Locator("#member-status").InnerTextAsync());
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_member_on_the_page_and_a_member_only_page_asks_for_a_new_login()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Host.BaseUrl + "members");
        await SignInAsync(page, DemoData.Ada);
        await ShowsAsync(page, "#nickname", "Ada Lovelace");

        await Task.Delay(TimeSpan.FromSeconds(BlazorAppFixture.TokenLifetime.TotalSeconds - BlazorAppFixture.RefreshMarginSeconds + 1));
        Host.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 400) with { Count = 1 });
        await page.Locator("#call-api").ClickAsync();

        // The refusal reaches the authentication state at once: the member-only page sends the visitor to log in again.
        await ShowsAsync(page, () => page.GetByLabel("Email").WaitForAsync());
        Assert.StartsWith(Host.Emulator.BaseUrl.ToString(), page.Url);
    }

    [Fact]
    public async Task A_cancelled_login_shows_why_and_leaves_a_visitor()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Host.BaseUrl.ToString());
        await ShowsAsync(page, () => page.Locator("#login").ClickAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await ShowsAsync(page, "#error-code", "authorization_denied");
        AssertNoCallbackInAddress(page);
        Assert.Equal("visitor", await page.Locator("#member-status").InnerTextAsync());
    }

    [Fact]
    public async Task A_replayed_callback_url_is_refused_and_its_code_is_not_sent_again()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var exchanges = Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code");
        await page.GotoAsync(Host.BaseUrl.ToString());
        await ShowsAsync(page, () => page.Locator("#login").ClickAsync());
        await page.GetByLabel("Email").WaitForAsync();
        var callback = await SignInElsewhereAsync(page.Url, DemoData.Ada);

        await page.GotoAsync(callback.ToString());
        await ShowsAsync(page, "#member-status", "member");
        AssertNoCallbackInAddress(page);

        await page.GotoAsync(callback.ToString());
        await ShowsAsync(page, "#error-code", "no_pending_login");
        AssertNoCallbackInAddress(page);
        Assert.Equal("member", await page.Locator("#member-status").InnerTextAsync());
        Assert.Equal(exchanges + 1, Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task A_callback_for_another_tabs_login_completes_nothing_there_and_leaves_that_login_intact()
    {
        await using var context = await NewContextAsync();
        var tabA = await context.NewPageAsync();
        var exchanges = Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code");
        await tabA.GotoAsync(Host.BaseUrl.ToString());
        await ShowsAsync(tabA, () => tabA.Locator("#login").ClickAsync());
        await tabA.GetByLabel("Email").WaitForAsync();
        var callback = await SignInElsewhereAsync(tabA.Url, DemoData.Ada);

        // Another tab of the same browser: the same localStorage, but not tab A's sessionStorage, where its login waits.
        var tabB = await context.NewPageAsync();
        await tabB.GotoAsync(callback.ToString());
        await ShowsAsync(tabB, "#error-code", "no_pending_login");
        AssertNoCallbackInAddress(tabB);
        Assert.Equal("visitor", await tabB.Locator("#member-status").InnerTextAsync());
        Assert.Equal(exchanges, Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));

        // Tab A's login was not touched: its callback still completes it.
        await tabA.GotoAsync(callback.ToString());
        await ShowsAsync(tabA, "#member-status", "member");
        Assert.Equal(exchanges + 1, Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task With_the_session_in_local_storage_a_login_and_a_logout_in_one_tab_show_in_the_other_at_once()
    {
        await using var host = await BlazorAppFixture.StartHostAsync(tokenStorage: "Local");
        await using var context = await NewContextAsync();
        var tabA = await context.NewPageAsync();
        var tabB = await context.NewPageAsync();
        await tabB.GotoAsync(host.BaseUrl.ToString());
        await ShowsAsync(tabB, "#member-status", "visitor");

        await tabA.GotoAsync(host.BaseUrl.ToString());
        await ShowsAsync(tabA, () => tabA.Locator("#login").ClickAsync());
        await SignInAsync(tabA, DemoData.Ada);
        await ShowsAsync(tabA, "#member-status", "member");
        // Tab B is not reloaded: the browser's storage event tells it.
        await ShowsAsync(tabB, "#member-status", "member");

        await tabA.Locator("#logout").ClickAsync();
        await ShowsAsync(tabA, "#member-status", "visitor");
        await ShowsAsync(tabB, "#member-status", "visitor");
    }

    [Fact]
    public async Task The_sites_own_form_logs_the_member_in_by_a_hidden_frame_without_leaving_the_page()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var exchanges = Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code");
        await page.GotoAsync(Host.BaseUrl + "sign-in");
        await ShowsAsync(page, () => page.Locator("#email").WaitForAsync());
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        await page.Locator("#email").FillAsync(DemoData.Ada.Email);
        await page.Locator("#password").FillAsync(DemoData.Ada.Password);
        await page.Locator("#sign-in").ClickAsync();

        await ShowsAsync(page, "#member-status", "member");
        Assert.Equal(0, navigations);
        Assert.Equal(Host.BaseUrl + "sign-in", page.Url);
        Assert.Equal(exchanges + 1, Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
        // The frame and its listener are gone; the tab keeps the session, not the login's leftovers.
        Assert.Equal(0, await page.Locator("iframe").CountAsync());
        var stored = await SessionStorageKeysAsync(page);
        Assert.Contains("wix-auth:session:default", stored);
        Assert.DoesNotContain(stored, k => k.StartsWith("wix-auth:pending:", StringComparison.Ordinal));
        await page.GotoAsync(Host.BaseUrl + "members");
        await ShowsAsync(page, "#nickname", "Ada Lovelace");
    }

    [Fact]
    public async Task A_message_with_the_logins_state_from_another_origin_is_ignored_and_the_real_answer_completes_the_login()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        // The app itself (not the authorize page's origin) posts a forged code with the login's true state.
        await SignsInOnTheSitesFormDespiteAsync(page, state => page.EvaluateAsync("state => window.postMessage({ code: 'FORGED-CODE', state }, '*')", state));
    }

    [Fact]
    public async Task A_message_with_the_logins_state_from_another_window_at_wixs_origin_is_ignored_too()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        // A popup at the authorize page's own origin posts a forged code with the login's true state: the right origin, the
        // right state, but not the frame. Fulfilled here, the popup's page has the emulator's origin (the emulator's own
        // pages may be sandboxed).
        var elsewhere = Host.Emulator.BaseUrl + "elsewhere";
        await context.RouteAsync(elsewhere, route => route.FulfillAsync(new() { Body = "<p>another page of Wix</p>", ContentType = "text/html" }));
        await SignsInOnTheSitesFormDespiteAsync(page, async state =>
        {
            var opened = context.WaitForPageAsync();
            await page.EvaluateAsync("url => { window.open(url); }", elsewhere);
            var popup = await opened;
            await popup.WaitForLoadStateAsync();
            Assert.Equal(Host.Emulator.BaseUrl.GetLeftPart(UriPartial.Authority),
                await popup.EvaluateAsync<string>("state => { window.opener.postMessage({ code: 'FORGED-CODE', state }, '*'); return location.origin; }", state));
        });
    }

    // The member signs in on the site's own form; the hidden frame's page is held back until `forge` has run with the
    // login's true state (read from the page Wix answered). The frame's real answer must still log the member in, with
    // one code exchange: the forged code is never sent.
    private async Task SignsInOnTheSitesFormDespiteAsync(IPage page, Func<string, Task> forge)
    {
        var exchanges = Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code");
        await page.RouteAsync(url => url.StartsWith(Host.Emulator.BaseUrl.ToString(), StringComparison.Ordinal), async route =>
        {
            if (route.Request.ResourceType != "document")
            {
                await route.ContinueAsync();
                return;
            }
            var answer = await route.FetchAsync();
            var state = System.Text.RegularExpressions.Regex.Match(await answer.TextAsync(), "\"state\":\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(state);
            await forge(state);
            await route.FulfillAsync(new() { Response = answer });
        });
        await page.GotoAsync(Host.BaseUrl + "sign-in");
        await ShowsAsync(page, () => page.Locator("#email").WaitForAsync());

        await page.Locator("#email").FillAsync(DemoData.Ada.Email);
        await page.Locator("#password").FillAsync(DemoData.Ada.Password);
        await page.Locator("#sign-in").ClickAsync();

        await ShowsAsync(page, "#member-status", "member");
        Assert.Equal(exchanges + 1, Host.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task A_frame_that_never_answers_ends_the_wait_at_the_deadline_with_a_typed_error_and_is_removed()
    {
        await using var host = await BlazorAppFixture.StartHostAsync(directLoginTimeoutSeconds: 2);
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        // The authorize page answers with a page that posts nothing, as a Wix that hangs or a blocked frame would.
        await page.RouteAsync(url => url.StartsWith(host.Emulator.BaseUrl.ToString(), StringComparison.Ordinal), route =>
            route.Request.ResourceType == "document" ? route.FulfillAsync(new() { Body = "<p>silent</p>", ContentType = "text/html" }) : route.ContinueAsync());
        await page.GotoAsync(host.BaseUrl + "sign-in");
        await ShowsAsync(page, () => page.Locator("#email").WaitForAsync());

        await page.Locator("#email").FillAsync(DemoData.Ada.Email);
        await page.Locator("#password").FillAsync(DemoData.Ada.Password);
        await page.Locator("#sign-in").ClickAsync();

        await ShowsAsync(page, "#form-error[data-code=login_timed_out]", "Wix did not answer in time. Please try again.");
        Assert.Equal("visitor", await page.Locator("#member-status").InnerTextAsync());
        Assert.Equal(0, await page.Locator("iframe").CountAsync());
    }

    [Fact]
    public async Task A_wrong_password_on_the_sites_form_is_shown_as_a_typed_error_and_opens_no_frame()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var sessions = Host.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession, "auth");
        await page.GotoAsync(Host.BaseUrl + "sign-in");
        await ShowsAsync(page, () => page.Locator("#email").WaitForAsync());

        await page.Locator("#email").FillAsync(DemoData.Ada.Email);
        await page.Locator("#password").FillAsync("not-" + DemoData.Ada.Password);
        await page.Locator("#sign-in").ClickAsync();

        await ShowsAsync(page, "#form-error[data-code=wrong_credentials]", "The email or password is wrong.");
        Assert.Equal(DemoData.Ada.Email, await page.Locator("#email").InputValueAsync());
        Assert.Equal("visitor", await page.Locator("#member-status").InnerTextAsync());
        Assert.Equal(0, await page.Locator("iframe").CountAsync());
        Assert.Equal(sessions, Host.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession, "auth"));
    }

    [Fact]
    public async Task An_unverified_member_corrects_a_wrong_code_and_logs_in_and_no_verification_stays_behind()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var una = BlazorAppFixture.Una;
        await page.GotoAsync(Host.BaseUrl + "sign-in");
        await ShowsAsync(page, () => page.Locator("#email").WaitForAsync());

        await page.Locator("#email").FillAsync(una.Email);
        await page.Locator("#password").FillAsync(una.Password);
        await page.Locator("#sign-in").ClickAsync();
        await ShowsAsync(page, () => page.Locator("#code").WaitForAsync());
        Assert.Contains("wix-auth:verification", await SessionStorageKeysAsync(page));

        var code = Host.Emulator.Outbox.To(una.Email)[^1].Code!;
        await page.Locator("#code").FillAsync(code == "000000" ? "111111" : "000000");
        await page.Locator("#verify").ClickAsync();
        await ShowsAsync(page, "#form-error[data-code=wrong_verification_code]", "That code is not right. Check the mail and try again.");
        Assert.Contains("wix-auth:verification", await SessionStorageKeysAsync(page));

        await page.Locator("#code").FillAsync(code);
        await page.Locator("#verify").ClickAsync();
        await ShowsAsync(page, () => page.Locator("#signed-in").WaitForAsync());
        Assert.DoesNotContain("wix-auth:verification", await SessionStorageKeysAsync(page));
    }

    [Fact]
    public async Task A_visitor_signs_up_on_the_sites_form_enters_the_mailed_code_and_is_a_member()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"grace-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(Host.BaseUrl + "sign-in");
        await ShowsAsync(page, () => page.Locator("#email").WaitForAsync());

        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync("Long-enough-1");
        await page.Locator("#sign-up").ClickAsync();
        await ShowsAsync(page, () => page.Locator("#code").WaitForAsync());

        await page.Locator("#code").FillAsync(Host.Emulator.Outbox.To(email)[^1].Code!);
        await page.Locator("#verify").ClickAsync();
        await ShowsAsync(page, () => page.Locator("#signed-in").WaitForAsync());
        Assert.DoesNotContain("wix-auth:verification", await SessionStorageKeysAsync(page));
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        context.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        return context;
    }

    // On Wix's (the emulator's) login page, as a person would.
    private static async Task SignInAsync(IPage page, DemoMember member)
    {
        await ShowsAsync(page, () => page.GetByLabel("Email").WaitForAsync());
        await page.GetByLabel("Email").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    // The same form posted from outside the browser: where Wix would send the browser back, for a test to deliver.
    private static async Task<Uri> SignInElsewhereAsync(string authUrl, DemoMember member)
    {
        using var http = new SiteBrowser();
        using var response = await http.PostFormAsync(new Uri(authUrl), ("email", member.Email), ("password", member.Password), ("action", "login"));
        return SiteBrowser.Redirected(response);
    }

    private static void AssertNoCallbackInAddress(IPage page)
    {
        Assert.DoesNotContain("code=", page.Url);
        Assert.DoesNotContain("state=", page.Url);
        Assert.DoesNotContain("error=", page.Url);
    }

    private static Task<string[]> SessionStorageKeysAsync(IPage page) => page.EvaluateAsync<string[]>("() => Object.keys(sessionStorage)");

    private static Task ShowsAsync(IPage page, string selector, string text) =>
        ShowsAsync(page, () => page.Locator(selector).GetByText(text, new() { Exact = true }).WaitForAsync());

    // A timeout alone says nothing; where the browser ended up and what it shows says what went wrong.
    private static async Task ShowsAsync(IPage page, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (TimeoutException e)
        {
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no body)");
            throw new TimeoutException($"{e.Message} The page was {page.Url}: {text}\nConsole:\n{string.Join("\n", console.TakeLast(20))}", e);
        }
    }
}

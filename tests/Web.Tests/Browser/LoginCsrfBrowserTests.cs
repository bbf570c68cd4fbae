using Microsoft.Playwright;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Browser;

/// <summary>
/// The login-CSRF defence in a real browser (issue 26): Chromium's own fetch metadata tell the site's pages from another
/// origin's. A silent login that another origin navigates to stops at the "Continue to log in" page; the same login from
/// the site's own page, and the demo's "Continue with Google" form, go through. Arrivals are awaited by their address's
/// commit and the page's content, not the load event, which Chromium does not always fire after a chain of redirects.
/// </summary>
public sealed class LoginCsrfBrowserTests(ChromiumFixture fixture) : IClassFixture<ChromiumFixture>
{
    private IBrowser Browser => fixture.Chromium.Browser;

    [Fact]
    public async Task A_silent_login_another_origin_navigates_to_stops_at_a_page_and_the_button_continues_it()
    {
        await using var site = await TestSite.StartAsync();
        await using var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        // Another site's page (served by the browser's own router) sends the browser to the site's silent login.
        await page.RouteAsync("http://attacker.example/**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<p>Win a prize</p>" }));
        await page.GotoAsync("http://attacker.example/");
        await page.EvaluateAsync("url => { location.href = url; }", new Uri(site.Url, "auth/login?prompt=none&returnUrl=%2F%3Fpage%3D2").ToString());
        await page.Locator("#continue-login").WaitForAsync();
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));

        // The member presses the button: a POST with the site's token; a visitor comes back quietly.
        await page.Locator("#continue-login").ClickAsync();
        await page.WaitForURLAsync(new Uri(site.Url, "/?page=2").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#status").GetByText("You are a visitor.").WaitForAsync();
        Assert.Equal("none", site.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession).Single().Body!["auth"]!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_silent_login_from_the_sites_own_page_starts_at_once()
    {
        await using var site = await TestSite.StartAsync();
        await using var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Url.ToString());
        await page.EvaluateAsync("() => { location.href = '/auth/login?prompt=none&returnUrl=%2F%3Fpage%3D2'; }");
        await page.WaitForURLAsync(new Uri(site.Url, "/?page=2").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#status").GetByText("You are a visitor.").WaitForAsync();

        Assert.Equal(1, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));
    }

    [Fact]
    public async Task Continue_with_google_on_the_demo_page_logs_the_member_in()
    {
        await using var site = await TestSite.StartAsync();
        await using var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Url.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue with Google" }).ClickAsync();
        await page.GetByLabel("Google account email").FillAsync(DemoData.Alan.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.Locator("#member-name").WaitForAsync();
        Assert.Equal("Alan Turing", await page.Locator("#member-name").InnerTextAsync());
    }
}

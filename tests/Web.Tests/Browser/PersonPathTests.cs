using Microsoft.Playwright;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Browser;

/// <summary>
/// A person's path through the demo in a real browser: click Log in, fill Wix's form, land back as a member, see the name,
/// log out, be a visitor again — in both response modes.
/// </summary>
public sealed class PersonPathTests(ChromiumFixture fixture) : IClassFixture<ChromiumFixture>
{
    private IBrowser Browser => fixture.Chromium.Browser;

    [Theory]
    [InlineData(ResponseMode.Query)]
    [InlineData(ResponseMode.Fragment)]
    public async Task A_person_logs_in_sees_their_name_and_logs_out(ResponseMode mode)
    {
        await using var site = await TestSite.StartAsync(site: o => o with { ResponseMode = mode });
        await using var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Url.ToString());
        Assert.Equal("You are a visitor.", await page.Locator("#status").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Diagnosed(page, () => page.GetByLabel("Email").WaitForAsync());
        Assert.StartsWith(site.Emulator.BaseUrl.ToString(), page.Url);
        await page.GetByLabel("Email").FillAsync(DemoData.Ada.Email);
        await page.GetByLabel("Password").FillAsync(DemoData.Ada.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Diagnosed(page, () => page.Locator("#member-name").WaitForAsync());
        Assert.Equal(site.Url.ToString(), page.Url);
        Assert.Equal("Ada Lovelace", await page.Locator("#member-name").InnerTextAsync());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", await page.Locator("#token-expiry").InnerTextAsync());
        Assert.DoesNotContain("#", page.Url);
        var cookies = await context.CookiesAsync([site.Url.ToString()]);
        var session = Assert.Single(cookies, c => c.Name == "wix.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.Locator("#status").GetByText("You are a visitor.").WaitForAsync();
        Assert.Equal(site.Url.ToString(), page.Url);
        Assert.DoesNotContain(await context.CookiesAsync([site.Url.ToString()]), c => c.Name == "wix.session");
    }

    [Fact]
    public async Task A_person_who_cancels_sees_the_cancelled_page()
    {
        await using var site = await TestSite.StartAsync();
        await using var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Url.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Login cancelled" }).WaitForAsync();
        Assert.Contains("You cancelled the login", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "go to the home page" }).ClickAsync();
        Assert.Equal("You are a visitor.", await page.Locator("#status").InnerTextAsync());
    }

    // A timeout alone says nothing; where the browser ended up and what it shows says what went wrong.
    private static async Task Diagnosed(IPage page, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (TimeoutException e)
        {
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no body)");
            throw new TimeoutException($"{e.Message} The page was {page.Url}: {text}", e);
        }
    }
}

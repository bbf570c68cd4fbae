using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Browser;

/// <summary>
/// A person's path through the demo site's own forms in a real browser: sign up, read the code from the emulator's outbox
/// (its admin API, as a person reads their mail), verify, log out, log in with the site's form, forget the password, follow
/// the mailed link, choose a new one, and log in with it.
/// </summary>
public sealed class OwnFormsPathTests(ChromiumFixture fixture) : IClassFixture<ChromiumFixture>
{
    private const string Email = "grace@example.com";
    private const string FirstPassword = "Hopper-1906-cobol";
    private const string NewPassword = "Mark-I-bug-1947";

    [Fact]
    public async Task A_person_signs_up_verifies_logs_in_resets_the_password_and_logs_in_with_the_new_one()
    {
        await using var site = await TestSite.StartAsync();
        using var mail = new HttpClient { BaseAddress = site.Emulator.BaseUrl };
        await using var context = await fixture.Chromium.Browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        // Sign up, and the code from the mail.
        await page.GotoAsync(site.Url.ToString());
        await page.Locator("#own-forms").ClickAsync();
        await page.Locator("#register-name").FillAsync("Grace");
        await page.Locator("#register-email").FillAsync(Email);
        await page.Locator("#register-password").FillAsync(FirstPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await page.Locator("#verify-prompt").WaitForAsync();
        Assert.DoesNotContain(FirstPassword, await page.ContentAsync());
        // The page links where the mail is: the emulator's outbox.
        Assert.Equal(new Uri(site.Emulator.BaseUrl, "_emulator/outbox").ToString(), await page.Locator("#outbox").GetAttributeAsync("href"));
        await page.Locator("#code").FillAsync((await LastMailAsync(mail))["code"]!.GetValue<string>());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await MemberAsync(page, site, "Grace");

        // Log out, and in again with the site's own form.
        await LogOutAsync(page);
        await LogInWithTheSitesFormAsync(page, FirstPassword);
        await MemberAsync(page, site, "Grace");
        // The members' page is linked from every page, and opens for a member.
        await page.Locator("#members-page").ClickAsync();
        await page.GetByText("Only members see this page").WaitForAsync();
        Assert.Equal(new Uri(site.Url, "account").ToString(), page.Url);
        await page.GotoAsync(site.Url.ToString());
        await LogOutAsync(page);

        // Forgot password: the mailed link leads back to the site, where the new password logs the member in.
        await page.Locator("#own-forms").ClickAsync();
        await page.Locator("#forgot-password").ClickAsync();
        await page.Locator("#reset-email").FillAsync(Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await page.Locator("#reset-sent").WaitForAsync();
        await page.Locator("#outbox").WaitForAsync();
        await page.GotoAsync((await LastMailAsync(mail))["link"]!.GetValue<string>());
        await page.Locator("#new-password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password and log in" }).ClickAsync();
        await MemberAsync(page, site, "Grace");
        await LogOutAsync(page);

        // The old password no longer works; the new one does.
        await LogInWithTheSitesFormAsync(page, FirstPassword);
        await page.Locator("#form-error[data-code=wrong_credentials]").WaitForAsync();
        Assert.DoesNotContain(FirstPassword, await page.ContentAsync());
        Assert.Equal("The email or password is wrong.", await page.Locator("#form-error").InnerTextAsync());
        // The email typed is still in the form (kept by the page, not echoed by the server); the password is not.
        Assert.Equal(Email, await page.Locator("#login-email").InputValueAsync());
        Assert.Equal("", await page.Locator("#login-password").InputValueAsync());
        await LogInWithTheSitesFormAsync(page, NewPassword, fromHome: false);
        await MemberAsync(page, site, "Grace");
    }

    private static async Task LogInWithTheSitesFormAsync(IPage page, string password, bool fromHome = true)
    {
        if (fromHome) await page.Locator("#own-forms").ClickAsync();
        await page.Locator("#login-email").FillAsync(Email);
        await page.Locator("#login-password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
    }

    private static async Task MemberAsync(IPage page, TestSite site, string name)
    {
        await page.Locator("#member-name").WaitForAsync();
        Assert.Equal(site.Url.ToString(), page.Url);
        Assert.Equal(name, await page.Locator("#member-name").InnerTextAsync());
        Assert.False(string.IsNullOrEmpty(await page.Locator("#member-id").InnerTextAsync()));
    }

    private static async Task LogOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.Locator("#status").GetByText("You are a visitor.").WaitForAsync();
    }

    // The newest mail to the person, from the emulator's outbox (its admin API).
    private static async Task<JsonNode> LastMailAsync(HttpClient mail) =>
        JsonNode.Parse(await mail.GetStringAsync("_emulator/outbox?to=" + Uri.EscapeDataString(Email)))!.AsArray()[^1]!;
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>When Wix fails, the member gets a page that says so — and never half a session.</summary>
public sealed class WixFailureTests
{
    [Fact]
    public async Task A_failed_code_exchange_shows_the_error_page_and_starts_no_session()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 500));

        using var response = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal("remote_call_failed", SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Null(browser.Cookie(site.Url, "wix.session"));
        Assert.Contains("You are a visitor.", await browser.HomeAsync(site.Url));
    }

    [Fact]
    public async Task A_Wix_outage_is_logged_at_Warning_with_its_code_and_cause_and_a_cancelled_login_is_not()
    {
        var logs = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(site: o => o with { Logging = l => l.AddProvider(logs) });
        using var browser = new SiteBrowser();
        var cancelled = await browser.CancelAtWixAsync(await browser.BeginLoginAsync(site.Url));
        using (await browser.GetAsync(cancelled)) { }
        Assert.DoesNotContain(logs.Lines, l => l.Contains("AuthFailure", StringComparison.Ordinal));

        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 500));
        using (await browser.GetAsync(callback)) { }

        var line = Assert.Single(logs.Lines, l => l.Contains("AuthFailure", StringComparison.Ordinal));
        Assert.StartsWith("Warning Wix.Auth.AspNetCore.Pages.AuthFailure: Answered a login with remote_call_failed (TryAgainLater): ", line);
        Assert.Contains(" Wix answered HTTP 500", line);
    }

    [Fact]
    public async Task A_login_Wix_refuses_to_start_shows_the_error_page_and_binds_nothing()
    {
        await using var site = await TestSite.StartAsync();
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.RedirectSession, 400));
        using var browser = new SiteBrowser();
        using var response = await browser.GetAsync(new Uri(site.Url, "auth/login"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("remote_call_failed", SiteBrowser.ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Null(browser.Cookie(new Uri(site.Url, "auth/"), "wix.login"));
    }

    [Fact]
    public async Task A_redirect_uri_Wix_does_not_know_is_reported_as_the_sites_misconfiguration_not_as_Wix_unreachable()
    {
        // The site believes it is at an origin whose callback is not registered with the OAuth app.
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.PublicOrigin = new Uri("https://unregistered.example") });
        using var browser = new SiteBrowser();
        using var response = await browser.GetAsync(new Uri(site.Url, "auth/login"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal("remote_call_failed", SiteBrowser.ErrorCode(page));
        Assert.Contains("INVALID_REDIRECT_URI", page);
        Assert.Contains("not set up correctly", page);
        Assert.DoesNotContain("could not be reached", page);
    }

    [Fact]
    public async Task A_code_Wix_no_longer_accepts_is_reported_as_used_or_expired()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);
        // Someone else tries the code first, with a wrong verifier: Wix refuses, and the code is used up.
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        using (var http = new HttpClient())
        using (var stolen = await http.PostAsync(new Uri(site.Emulator.BaseUrl, "oauth2/token"), JsonContent.Create(new
        {
            clientId = DemoData.ClientId, grantType = "authorization_code", code, codeVerifier = new string('x', 43),
            redirectUri = new Uri(site.Url, "auth/callback").ToString(),
        })))
            Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);

        using var response = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already used or has expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_while_Wix_refuses_still_ends_the_local_session()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Ada)) { }
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.RedirectSession, 400));

        using var logout = await browser.LogOutAsync(site.Url);
        Assert.Equal(site.Url, SiteBrowser.Redirected(logout));
        Assert.Contains("You are a visitor.", await browser.HomeAsync(site.Url));
    }
}

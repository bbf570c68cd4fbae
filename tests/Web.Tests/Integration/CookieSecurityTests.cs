using System.Net;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// The host's cookies (issue 15, finding 7): behind a TLS-terminating proxy that forwards nothing, a site whose public
/// origin is HTTPS still sets <c>Secure</c>, <c>__Host-</c> cookies and ignores unprefixed ones a sibling subdomain could
/// plant; a callback that is not this browser's login leaves the login in progress alone.
/// </summary>
public sealed class CookieSecurityTests
{
    private const string PublicOrigin = "https://shop.example";

    [Fact]
    public async Task Behind_a_TLS_proxy_the_cookies_are_Secure_Host_prefixed_and_a_planted_unprefixed_session_is_ignored()
    {
        await using var site = await TestSite.StartAsync(
            emulator: o => o with { Apps = [WebSiteHost.DemoApp with { RedirectUris = [.. WebSiteHost.DemoApp.RedirectUris, PublicOrigin + "/auth/callback"] }] },
            site: o => o with { Web = w => w.PublicOrigin = new Uri(PublicOrigin) });
        // The proxy: what the browser sends to https://shop.example reaches the site over plain HTTP, cookies as they are.
        using var proxy = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var wix = new SiteBrowser();

        using var login = await proxy.GetAsync(new Uri(site.Url, "auth/login"));
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        var ticket = AssertHostCookie(login, "__Host-wix.login");

        var callback = await wix.SignInAtWixAsync(login.Headers.Location!, DemoData.Ada);
        Assert.Equal(PublicOrigin, callback.GetLeftPart(UriPartial.Authority));
        using var completed = await SendAsync(proxy, new Uri(site.Url, callback.PathAndQuery), ("__Host-wix.login", ticket));
        Assert.Equal(HttpStatusCode.Found, completed.StatusCode);
        var session = AssertHostCookie(completed, "__Host-wix.session");

        using (var home = await SendAsync(proxy, site.Url, ("__Host-wix.session", session)))
            Assert.Equal("Ada Lovelace", SiteBrowser.MemberName(await home.Content.ReadAsStringAsync()));
        // A cookie without the prefix, as a sibling subdomain can set for the parent domain, is not this site's session.
        using (var planted = await SendAsync(proxy, site.Url, ("wix.session", session)))
            Assert.Null(SiteBrowser.MemberName(await planted.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_cross_site_callback_without_this_browsers_state_keeps_the_login_in_progress()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);

        // Any other site can send the browser here with a top-level GET; the Lax ticket comes along.
        foreach (var forged in new[] { "auth/callback", "auth/callback?code=x&state=" + new string('A', 43), "auth/callback?error=access_denied" })
        {
            using var response = await browser.GetAsync(new Uri(site.Url, forged));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(browser.Cookie(new Uri(site.Url, "auth/"), "wix.login"));
        }

        using var real = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Found, real.StatusCode);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
    }

    private static string AssertHostCookie(HttpResponseMessage response, string name)
    {
        var header = response.Headers.GetValues("Set-Cookie").SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.True(header is not null, $"no {name} cookie in: {string.Join(" | ", response.Headers.GetValues("Set-Cookie"))}");
        var attributes = header.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain="));
        return header[(name.Length + 1)..header.IndexOf(';')];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Uri url, (string Name, string Value) cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        return client.SendAsync(request);
    }
}

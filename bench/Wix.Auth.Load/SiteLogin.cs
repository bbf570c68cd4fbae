using System.Net;
using Wix.Auth.Emulator;

namespace Wix.Auth.Load;

/// <summary>
/// One member logging in on the demo site (samples/WebSite) the way a browser does, with its own cookie jar and
/// no automatic redirects: the site's login path → the emulator's login page (form POST) → the site's callback
/// → the site's page for members. Paths are options because the site is built on another branch.
/// </summary>
internal sealed class SiteLogin(Uri site, string loginPath, string memberPath)
{
    public async Task LogInAsync(CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        await LogInAsync(browser, cancellationToken);
    }

    /// <summary>The same with <paramref name="browser"/> (which must not follow redirects), whose cookies then hold the session.</summary>
    public async Task LogInAsync(HttpClient browser, CancellationToken cancellationToken)
    {
        var authUrl = RedirectOf(await browser.GetAsync(new Uri(site, loginPath), cancellationToken), "the site's login");
        using var form = new FormUrlEncodedContent([new("email", DemoData.Ada.Email), new("password", DemoData.Ada.Password), new("action", "login")]);
        var callback = RedirectOf(await browser.PostAsync(authUrl, form, cancellationToken), "the emulator's login form");
        using (var landed = await browser.GetAsync(callback, cancellationToken))
            if ((int)landed.StatusCode >= 400) throw new HttpRequestException($"the site's callback answered {(int)landed.StatusCode}");
        using var page = await browser.GetAsync(new Uri(site, memberPath), cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"{memberPath} answered {(int)page.StatusCode} after login");
    }

    private static Uri RedirectOf(HttpResponseMessage response, string step)
    {
        using (response)
        {
            return response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.Redirect && response.Headers.Location is { } location
                ? (location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location))
                : throw new HttpRequestException($"{step} answered {(int)response.StatusCode}, not a redirect");
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Wix.Auth.Emulator;

namespace Wix.Auth.Web.Tests.Support;

/// <summary>
/// A scripted browser over real HTTP: one cookie jar for the site and the emulator (cookies are per host, not per port,
/// as in a real browser), no automatic redirects, so each hop can be checked.
/// </summary>
internal sealed partial class SiteBrowser : IDisposable
{
    private readonly HttpClient http;

    public SiteBrowser() =>
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(Uri url) => http.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(Uri url, HttpContent content) => http.PostAsync(url, content);

    public Task<HttpResponseMessage> PostFormAsync(Uri url, params (string Name, string Value)[] fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary><c>GET /auth/login</c>: the URL of Wix's login page it redirects to.</summary>
    public async Task<Uri> BeginLoginAsync(Uri site, string? returnUrl = "/")
    {
        var query = returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        using var response = await GetAsync(new Uri(site, "auth/login" + query));
        return Redirected(response);
    }

    /// <summary>Logs in on the emulator's page; where Wix sends the browser back (the site's callback).</summary>
    public async Task<Uri> SignInAtWixAsync(Uri authUrl, DemoMember member)
    {
        using (var page = await GetAsync(authUrl)) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var response = await PostFormAsync(authUrl, ("email", member.Email), ("password", member.Password), ("action", "login"));
        return Redirected(response);
    }

    /// <summary>Presses Cancel on the emulator's page.</summary>
    public async Task<Uri> CancelAtWixAsync(Uri authUrl)
    {
        using var response = await PostFormAsync(authUrl, ("action", "cancel"));
        return Redirected(response);
    }

    /// <summary>The whole login; the callback's answer (a redirect on success).</summary>
    public async Task<HttpResponseMessage> LogInAsync(Uri site, DemoMember member, string? returnUrl = "/")
    {
        var callback = await SignInAtWixAsync(await BeginLoginAsync(site, returnUrl), member);
        return await GetAsync(callback);
    }

    /// <summary>The home page's HTML.</summary>
    public async Task<string> HomeAsync(Uri site)
    {
        using var response = await GetAsync(site);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The member name the home page shows, or null for a visitor.</summary>
    public async Task<string?> MemberNameAsync(Uri site) => MemberName(await HomeAsync(site));

    /// <summary>Posts the home page's logout form (with its antiforgery token); the logout's answer.</summary>
    public async Task<HttpResponseMessage> LogOutAsync(Uri site)
    {
        var token = AntiforgeryToken(await HomeAsync(site)) ?? throw new InvalidOperationException("No logout form on the page.");
        return await PostFormAsync(new Uri(site, "auth/logout"), ("__RequestVerificationToken", token));
    }

    public string? Cookie(Uri site, string name) => Cookies.GetCookies(site)[name]?.Value;

    public static string? MemberName(string html) => MemberNamePattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string? ErrorCode(string html) => ErrorCodePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static string? AntiforgeryToken(string html) => TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static Uri Redirected(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<strong id=\"member-name\">([^<]*)</strong>")]
    private static partial Regex MemberNamePattern();

    [GeneratedRegex("<code id=\"error-code\">([^<]*)</code>")]
    private static partial Regex ErrorCodePattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

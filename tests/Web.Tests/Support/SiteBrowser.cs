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

    public SiteBrowser() : this(null)
    {
    }

    /// <summary>A browser whose connections come from <paramref name="localAddress"/> (any 127.x.y.z on loopback): another client.</summary>
    public SiteBrowser(IPAddress? localAddress)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true };
        if (localAddress is not null)
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(localAddress.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(Uri url) => http.GetAsync(url);

    /// <summary>A GET as a browser sends it from one of the site's own pages (<c>Sec-Fetch-Site: same-origin</c>), or from another site's.</summary>
    public async Task<HttpResponseMessage> NavigateAsync(Uri url, string fetchSite = "same-origin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(Uri url, HttpContent content) => http.PostAsync(url, content);

    /// <summary>A request to <paramref name="url"/> that names <paramref name="host"/> in its <c>Host</c> header (a rebinding name, a proxy's alias).</summary>
    public async Task<HttpResponseMessage> SendWithHostAsync(Uri url, string host, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(form.Length == 0 ? HttpMethod.Get : HttpMethod.Post, url);
        request.Headers.Host = host;
        if (form.Length > 0) request.Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await http.SendAsync(request);
    }

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

    /// <summary>The antiforgery token of the site's own forms, read from its sign-in page as a browser would.</summary>
    public async Task<string> FormTokenAsync(Uri site)
    {
        using var page = await GetAsync(new Uri(site, "sign-in"));
        return AntiforgeryToken(await page.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("No form token on the page.");
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

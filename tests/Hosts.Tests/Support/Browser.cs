using System.Net;

namespace Wix.Auth.Tests.Hosts.Support;

/// <summary>The member's browser over real loopback HTTP: keeps cookies, shows each redirect to the test.</summary>
internal sealed class Browser : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>Opens the login page, posts the form and returns where Wix redirects the browser.</summary>
    public async Task<Uri> LogInAsync(string authUrl, string email, string password, string action = "login")
    {
        using var page = await http.GetAsync(authUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"password\"", await page.Content.ReadAsStringAsync());
        using var form = new FormUrlEncodedContent([new("email", email), new("password", password), new("action", action)]);
        using var posted = await http.PostAsync(authUrl, form);
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        return posted.Headers.Location!;
    }

    public void Dispose() => http.Dispose();
}

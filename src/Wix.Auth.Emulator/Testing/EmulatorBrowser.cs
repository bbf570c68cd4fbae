using System.Net;

namespace Wix.Auth.Emulator.Testing;

/// <summary>
/// A scripted browser for the emulator's pages, over real HTTP: it keeps cookies (the emulator's member session)
/// and follows no redirect, so a test gets the URL Wix would send the member back to.
/// </summary>
public sealed class EmulatorBrowser : IDisposable
{
    private readonly HttpClient http;

    /// <summary>A browser with an empty cookie jar.</summary>
    public EmulatorBrowser() =>
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The cookie jar.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>Opens the login page at <paramref name="authUrl"/>, logs in, and returns where the emulator redirects.</summary>
    public async Task<Uri> SignInAsync(string authUrl, string email, string password, CancellationToken cancellationToken = default)
    {
        using (var page = await http.GetAsync(authUrl, cancellationToken).ConfigureAwait(false))
            if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The login page answered {(int)page.StatusCode}.");
        return await SubmitAsync(authUrl, [new("email", email), new("password", password), new("action", "login")], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the login page and presses Cancel.</summary>
    public Task<Uri> CancelAsync(string authUrl, CancellationToken cancellationToken = default) =>
        SubmitAsync(authUrl, [new("action", "cancel")], cancellationToken);

    /// <summary>Opens any URL with this browser's cookies, following no redirect: the caller owns the response.</summary>
    public Task<HttpResponseMessage> GetAsync(string url, CancellationToken cancellationToken = default) => http.GetAsync(url, cancellationToken);

    /// <summary>Opens a URL that must redirect (a silent login, a logout) and returns where it redirects.</summary>
    public async Task<Uri> FollowAsync(string url, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        return Location(response, url);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<Uri> SubmitAsync(string url, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(url, new FormUrlEncodedContent(fields), cancellationToken).ConfigureAwait(false);
        return Location(response, url);
    }

    private static Uri Location(HttpResponseMessage response, string url) =>
        response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(new Uri(url), location))
            : throw new InvalidOperationException($"Expected a redirect from {new Uri(url).AbsolutePath}, got {(int)response.StatusCode}.");
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Wix.Auth.Emulator.Tests.Support;

/// <summary>
/// A client and a browser in one, over real loopback HTTP: it keeps cookies and never follows redirects, so each
/// test sees every 302 the emulator sends.
/// </summary>
internal sealed class TestClient : IDisposable
{
    private readonly Uri baseUrl;

    public TestClient(WixEmulator emulator)
    {
        baseUrl = emulator.BaseUrl;
        Http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = Cookies,
            UseCookies = true,
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? authorization = null) =>
        PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), authorization);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string? contentType, string? authorization = null)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return PostAsync(path, content, authorization);
    }

    public Task<HttpResponseMessage> PostFormAsync(string pathOrUrl, params (string Name, string Value)[] fields) =>
        PostAsync(pathOrUrl, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), null);

    public async Task<HttpResponseMessage> GetAsync(string pathOrUrl, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathOrUrl);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await Http.SendAsync(request);
    }

    public async Task<Tokens> VisitorTokensAsync(string clientId = DemoData.ClientId)
    {
        using var response = await PostJsonAsync("/oauth2/token", new { clientId, grantType = "anonymous" });
        return await TokensOf(response);
    }

    /// <summary>Creates a login Redirect Session with a fresh visitor token; returns its <c>fullUrl</c>.</summary>
    public async Task<string> CreateLoginSessionAsync(LoginRequest login)
    {
        var visitor = await VisitorTokensAsync(login.ClientId);
        using var response = await PostJsonAsync(
            "/_api/redirects-api/v1/redirect-session", login.Body(), visitor.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonOf(response)).GetProperty("redirectSession").GetProperty("fullUrl").GetString()!;
    }

    /// <summary>Opens the login page and posts the form; returns the redirect back.</summary>
    public async Task<Uri> SubmitLoginAsync(string fullUrl, string email = "ada@example.com", string password = "lovelace")
    {
        using var page = await GetAsync(fullUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var response = await PostFormAsync(fullUrl, ("email", email), ("password", password), ("action", "login"));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The whole browser part of a login: returns the code.</summary>
    public async Task<string> LoginForCodeAsync(LoginRequest login)
    {
        var location = await SubmitLoginAsync(await CreateLoginSessionAsync(login));
        var parameters = login.ResponseMode == "query" ? UrlParams.Query(location) : UrlParams.Fragment(location);
        Assert.Equal(login.State, parameters["state"]);
        return parameters["code"];
    }

    public Task<HttpResponseMessage> ExchangeAsync(LoginRequest login, string code, string? verifier = null,
        string? redirectUri = null, string? clientId = null) =>
        PostJsonAsync("/oauth2/token", new
        {
            clientId = clientId ?? login.ClientId,
            grantType = "authorization_code",
            redirectUri = redirectUri ?? login.RedirectUri,
            code,
            codeVerifier = verifier ?? login.Pkce.Verifier,
        });

    public async Task<Tokens> MemberTokensAsync(LoginRequest? login = null)
    {
        login ??= new LoginRequest();
        var code = await LoginForCodeAsync(login);
        using var response = await ExchangeAsync(login, code);
        return await TokensOf(response);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken, string clientId = DemoData.ClientId) =>
        PostJsonAsync("/oauth2/token", new { clientId, refreshToken, grantType = "refresh_token" });

    public static async Task<Tokens> TokensOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        return new Tokens(
            json.GetProperty("access_token").GetString()!,
            json.GetProperty("refresh_token").GetString()!,
            json.GetProperty("expires_in").GetInt64());
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts an RFC 6749 §5.2 error and returns its code.</summary>
    public static async Task<string> OAuthErrorOf(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var json = await JsonOf(response);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
        return json.GetProperty("error").GetString()!;
    }

    public void Dispose() => Http.Dispose();

    private async Task<HttpResponseMessage> PostAsync(string pathOrUrl, HttpContent content, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathOrUrl) { Content = content };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await Http.SendAsync(request);
    }
}

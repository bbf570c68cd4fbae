using System.Net;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

/// <summary>A client's mistake gets a 4XX in the endpoint's error shape and changes nothing.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string?> BadTokenBodies => new()
    {
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\",\"grantType\":", "application/json" },
        { "/oauth2/token", "[1,2,3]", "application/json" },
        { "/oauth2/token", "", "application/json" },
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\",\"clientId\":\"x\",\"grantType\":\"anonymous\"}", "application/json" },
        { "/oauth2/token", "{\"grantType\":\"anonymous\"}", "application/json" },
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\"}", "application/json" },
        { "/oauth2/token", "{\"clientId\":42,\"grantType\":\"anonymous\"}", "application/json" },
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\",\"grantType\":\"refresh_token\"}", "application/json" },
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\",\"grantType\":\"authorization_code\",\"code\":\"c\"}", "application/json" },
        { "/oauth2/token", "clientId=demo-client-id&grantType=anonymous&grantType=anonymous", "application/x-www-form-urlencoded" },
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\",\"grantType\":\"anonymous\"}", "text/plain" },
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\",\"grantType\":\"anonymous\"}", null },
        { "/oauth2/token", "{\"clientId\":\"demo-client-id\",\"grantType\":\"anonymous\"}", "application/jsonx" },
        { "/oauth2/token", new string('[', 200) + new string(']', 200), "application/json" },
        { "/oauth2/token-info", "{\"token\":", "application/json" },
        { "/oauth2/token-info", "{}", "application/json" },
        { "/oauth2/token-info", "token=x", "text/xml" },
    };

    [Theory]
    [MemberData(nameof(BadTokenBodies))]
    public async Task A_bad_oauth_body_is_a_4xx_rfc_6749_error_and_changes_nothing(string path, string body, string? contentType)
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var before = emu.Snapshot();

        using var response = await client.PostRawAsync(path, body, contentType);

        Assert.InRange((int)response.StatusCode, 400, 499);
        var json = await TestClient.JsonOf(response);
        Assert.Equal("invalid_request", json.GetProperty("error").GetString());
        Assert.Equal(before, emu.Snapshot());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_changes_nothing()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var huge = $"{{\"clientId\":\"demo-client-id\",\"grantType\":\"anonymous\",\"pad\":\"{new string('x', 70 * 1024)}\"}}";

        using var response = await client.PostRawAsync("/oauth2/token", huge, "application/json");
        var visitor = await client.VisitorTokensAsync();
        using var session = await client.PostRawAsync(
            "/_api/redirects-api/v1/redirect-session", huge, "application/json", visitor.AccessToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, session.StatusCode);
        Assert.Equal(1, emu.Snapshot().AccessTokens);
        Assert.Equal(0, emu.Snapshot().RedirectSessions);
    }

    [Theory]
    [InlineData("{\"auth\":", "application/json", 400)]
    [InlineData("auth=1", "application/x-www-form-urlencoded", 415)]
    [InlineData("{\"auth\":{}}", "text/plain", 415)]
    [InlineData("{\"auth\":{\"authRequest\":[]}}", "application/json", 400)]
    [InlineData("{\"auth\":{\"authRequest\":{\"clientId\":{\"nested\":true}}}}", "application/json", 400)]
    [InlineData("{\"logout\":{\"clientId\":\"demo-client-id\"},\"callbacks\":{\"postFlowUrl\":7}}", "application/json", 400)]
    public async Task A_bad_redirect_session_body_is_a_4xx_wix_error_and_changes_nothing(string body, string contentType, int status)
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();

        using var response = await client.PostRawAsync(
            "/_api/redirects-api/v1/redirect-session", body, contentType, visitor.AccessToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await TestClient.JsonOf(response)).GetProperty("message").GetString()));
        Assert.Equal(0, emu.Snapshot().RedirectSessions);
    }

    [Fact]
    public async Task A_login_form_posted_as_json_is_refused_and_changes_nothing()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var fullUrl = await client.CreateLoginSessionAsync(new LoginRequest());

        using var response = await client.PostRawAsync(fullUrl, "{\"email\":\"ada@example.com\",\"password\":\"lovelace\"}", "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, emu.Snapshot().BrowserSessions);
        Assert.Equal(1, emu.Snapshot().RedirectSessions);
    }

    [Fact]
    public async Task Every_response_carries_an_x_wix_request_id()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var fullUrl = await client.CreateLoginSessionAsync(login);
        var responses = new List<HttpResponseMessage>
        {
            await client.PostJsonAsync("/oauth2/token", new { clientId = DemoData.ClientId, grantType = "anonymous" }),
            await client.PostRawAsync("/oauth2/token", "{", "application/json"),
            await client.PostRawAsync("/oauth2/token", "x", "text/plain"),
            await client.PostJsonAsync("/_api/redirects-api/v1/redirect-session", login.Body()),
            await client.GetAsync(fullUrl),
            await client.PostFormAsync(fullUrl, ("email", "ada@example.com"), ("password", "wrong")),
            await client.PostFormAsync(fullUrl, ("email", "ada@example.com"), ("password", "lovelace")),
            await client.GetAsync("/_api/oauth2/authorize?rs=unknown"),
            await client.GetAsync("/members/v1/members/my"),
            await client.PostJsonAsync("/oauth2/token-info", new { token = "x" }),
            await client.GetAsync("/no/such/path"),
            await client.GetAsync("/oauth2/token"),
        };

        var ids = responses.Select(r => Assert.Single(r.Headers.GetValues("x-wix-request-id"))).ToList();

        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        responses.ForEach(r => r.Dispose());
    }
}

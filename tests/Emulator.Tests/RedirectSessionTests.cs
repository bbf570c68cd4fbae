using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class RedirectSessionTests
{
    private const string Path = "/_api/redirects-api/v1/redirect-session";

    [Theory]
    [InlineData("http://localhost:3000/callback/")]
    [InlineData("http://localhost:3001/callback")]
    [InlineData("https://localhost:3000/callback")]
    [InlineData("http://evil.example/callback")]
    public async Task A_redirect_uri_not_registered_exactly_is_refused(string redirectUri)
    {
        var error = await CreateAsync(new LoginRequest { RedirectUri = redirectUri });

        Assert.Equal("INVALID_REDIRECT_URI", ApplicationCode(error));
    }

    [Theory]
    [InlineData("http://127.0.0.1:49152/callback", true)]
    [InlineData("http://127.0.0.1:1234/", true)]
    [InlineData("http://[::1]:50000/callback", true)]
    [InlineData("http://127.0.0.1:49152/other", false)]
    [InlineData("http://localhost:49152/callback", false)]
    // Only the port may vary (RFC 8252 §7.3): other spellings of the address or the path are different URIs.
    [InlineData("http://2130706433:49152/callback", false)]
    [InlineData("http://127.1:49152/callback", false)]
    [InlineData("http://0x7f.0.0.1:49152/callback", false)]
    [InlineData("http://127.0.0.1:49152/%63allback", false)]
    [InlineData("http://127.0.0.1:49152/x/../callback", false)]
    [InlineData("http://127.0.0.1:99999/callback", false)]
    [InlineData("http://127.0.0.1:049152/callback", false)]
    [InlineData("http://[0:0:0:0:0:0:0:1]:50000/callback", false)]
    public async Task A_loopback_redirect_uri_matches_on_any_port_when_the_app_allows_it(string redirectUri, bool allowed)
    {
        var error = await CreateAsync(new LoginRequest { RedirectUri = redirectUri });

        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public async Task Loopback_on_any_port_is_refused_when_the_app_does_not_allow_it()
    {
        var strict = DemoData.App with { AllowLoopbackRedirectOnAnyPort = false };

        var error = await CreateAsync(new LoginRequest { RedirectUri = "http://127.0.0.1:5001/auth/callback" },
            new EmulatorOptions { Apps = [strict] });

        Assert.Equal("INVALID_REDIRECT_URI", ApplicationCode(error));
    }

    [Fact]
    public async Task An_unknown_client_is_refused()
    {
        var error = await CreateAsync(new LoginRequest { ClientId = "nobody" }, visitorClient: DemoData.ClientId);

        Assert.Equal("UNKNOWN_CLIENT", ApplicationCode(error));
    }

    [Theory]
    [InlineData("codeChallengeMethod", "plain", "auth.authRequest.codeChallengeMethod")]
    [InlineData("responseType", "token", "auth.authRequest.responseType")]
    [InlineData("responseMode", "form_post", "auth.authRequest.responseMode")]
    [InlineData("codeChallenge", "short", "auth.authRequest.codeChallenge")]
    public async Task Bad_auth_request_fields_get_field_violations(string field, string value, string path)
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();
        var body = JsonSerializer.SerializeToNode(new LoginRequest().Body())!;
        body["auth"]!["authRequest"]![field] = value;

        using var response = await client.PostJsonAsync(Path, body, visitor.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = (await TestClient.JsonOf(response)).GetProperty("details").GetProperty("validationError")
            .GetProperty("fieldViolations")[0];
        Assert.Equal(path, violation.GetProperty("field").GetString());
        Assert.Equal(0, emu.Snapshot().RedirectSessions);
    }

    [Fact]
    public async Task An_access_token_is_required_bare_or_bearer_and_must_be_live()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T00:00:00Z"));
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = clock,
            AccessTokenLifetime = TimeSpan.FromSeconds(30),
        });
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();
        var body = new LoginRequest().Body();

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Path, body, visitor.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Path, body, "Bearer " + visitor.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync(Path, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync(Path, body, "made-up")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync(Path, body, visitor.AccessToken)).StatusCode);
        Assert.Equal(2, emu.Snapshot().RedirectSessions);
    }

    [Theory]
    [InlineData("http://localhost:3000/bye", true)]
    [InlineData("https://localhost/anything?x=1", true)]
    [InlineData("http://127.0.0.1:9999/", true)]
    [InlineData("http://evil.example/bye", false)]
    [InlineData("http://localhost.evil.example/bye", false)]
    [InlineData("javascript:alert(1)", false)]
    public async Task A_logout_post_flow_url_must_be_on_an_allowed_domain(string postFlowUrl, bool allowed)
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();

        using var response = await client.PostJsonAsync(Path,
            new { logout = new { clientId = DemoData.ClientId }, callbacks = new { postFlowUrl } }, visitor.AccessToken);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
        if (!allowed) Assert.Equal("INVALID_POST_FLOW_URL", ApplicationCode(await TestClient.JsonOf(response)));
    }

    [Fact]
    public async Task A_body_with_both_or_neither_intent_is_a_validation_error()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();

        using var neither = await client.PostJsonAsync(Path, new { callbacks = new { } }, visitor.AccessToken);
        using var both = await client.PostJsonAsync(Path,
            new { auth = new { }, logout = new { clientId = DemoData.ClientId } }, visitor.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(0, emu.Snapshot().RedirectSessions);
    }

    private static async Task<JsonElement?> CreateAsync(
        LoginRequest login, EmulatorOptions? options = null, string? visitorClient = null)
    {
        await using var emu = await WixEmulator.StartAsync(options);
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(visitorClient ?? login.ClientId);
        using var response = await client.PostJsonAsync(Path, login.Body(), visitor.AccessToken);
        if (response.StatusCode == HttpStatusCode.OK) return null;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, emu.Snapshot().RedirectSessions);
        return await TestClient.JsonOf(response);
    }

    private static string? ApplicationCode(JsonElement? error) =>
        error?.GetProperty("details").GetProperty("applicationError").GetProperty("code").GetString();
}

using System.Net;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task The_log_keeps_each_body_field_for_field_with_secret_values_masked()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var code = await client.LoginForCodeAsync(login);
        var tokens = await TestClient.TokensOf(await client.ExchangeAsync(login, code));
        await TestClient.TokensOf(await client.RefreshAsync(tokens.RefreshToken));

        var token = emu.RequestLog.For(EmulatorEndpoint.Token);
        var session = Assert.Single(emu.RequestLog.For(EmulatorEndpoint.RedirectSession));
        var form = emu.RequestLog.For(EmulatorEndpoint.Authorize).Single(e => e.Method == "POST");

        AssertJson("""{"clientId":"demo-client-id","grantType":"anonymous"}""", token[0].Body);
        AssertJson($$"""{"clientId":"demo-client-id","grantType":"authorization_code","redirectUri":"{{login.RedirectUri}}","code":"***","codeVerifier":"***"}""", token[1].Body);
        AssertJson("""{"clientId":"demo-client-id","refreshToken":"***","grantType":"refresh_token"}""", token[2].Body);
        Assert.Equal(["anonymous", "authorization_code", "refresh_token"], token.Select(e => e.Detail));
        AssertJson(System.Text.Json.JsonSerializer.Serialize(login.Body()), session.Body);
        Assert.Equal("auth", session.Detail);
        Assert.Equal(AuthorizationKind.Bare, session.Authorization);
        Assert.Equal("***", session.Headers["authorization"]);
        Assert.Equal("application/json; charset=utf-8", session.Headers["content-type"]);
        AssertJson("""{"email":"ada@example.com","password":"***","action":"login"}""", form.Body);
        Assert.Equal(302, form.Status);
        Assert.True(token.Select(e => e.Sequence).SequenceEqual(token.Select(e => e.Sequence).Order()));
    }

    [Fact]
    public async Task No_secret_value_appears_anywhere_in_the_admin_log()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var code = await client.LoginForCodeAsync(login);
        var tokens = await TestClient.TokensOf(await client.ExchangeAsync(login, code));
        await client.GetAsync("/members/v1/members/my?token=" + tokens.AccessToken, "Bearer " + tokens.AccessToken);
        await client.PostFormAsync("/oauth2/token", ("client_id", DemoData.ClientId), ("grant_type", "refresh_token"),
            ("refresh_token", tokens.RefreshToken));

        var log = await client.Http.GetStringAsync("/_emulator/requests");

        foreach (var secret in new[] { code, login.Pkce.Verifier, tokens.AccessToken, tokens.RefreshToken, "lovelace" })
            Assert.DoesNotContain(secret, log);
        var members = Assert.Single(emu.RequestLog.For(EmulatorEndpoint.Members));
        Assert.Equal("?token=***", members.Query);
        Assert.Equal(AuthorizationKind.Bearer, members.Authorization);
        Assert.Equal(1, emu.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
    }

    [Fact]
    public async Task Counters_count_per_endpoint_and_grant_and_clear_with_the_log()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var admin = emu.CreateAdminClient(client.Http);
        await client.MemberTokensAsync();
        await client.RefreshAsync("nope");
        Assert.Equal(3, emu.RequestLog.Count(EmulatorEndpoint.Token));

        var counters = await admin.GetCountersAsync();
        var entries = await admin.GetRequestsAsync();
        await admin.ClearRequestsAsync();

        Assert.Equal(1, counters["token:anonymous"]);
        Assert.Equal(1, counters["token:authorization_code"]);
        Assert.Equal(1, counters["token:refresh_token"]);
        Assert.Equal(1, counters["redirect-session:auth"]);
        Assert.Equal(2, counters["authorize"]);
        Assert.Equal(0, emu.RequestLog.Count(EmulatorEndpoint.Token));
        Assert.Empty(emu.RequestLog.Entries);
        Assert.Equal(6, entries.Count);
        Assert.Equal(EmulatorEndpoint.Token, entries[0].Endpoint);
        Assert.Equal("anonymous", entries[0].Body!["grantType"]!.GetValue<string>());
        Assert.Empty(await admin.GetCountersAsync());
    }

    [Fact]
    public async Task The_admin_api_reports_state_and_configuration()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        await client.MemberTokensAsync();

        var state = await emu.CreateAdminClient(client.Http).GetStateAsync();
        using var info = await client.GetAsync("/_emulator");

        Assert.Equal(emu.Snapshot(), state);
        Assert.Equal(1, state.BrowserSessions);
        var config = await TestClient.JsonOf(info);
        Assert.Equal(DemoData.ClientId, config.GetProperty("apps")[0].GetProperty("clientId").GetString());
        Assert.Equal("ada@example.com", config.GetProperty("members")[0].GetProperty("email").GetString());
        Assert.DoesNotContain(emu.RequestLog.Entries, e => e.Path.StartsWith("/_emulator"));
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual!.ToJsonString());
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class CodeExchangeTests
{
    [Theory]
    [InlineData("verifier")]
    [InlineData("redirectUri")]
    [InlineData("clientId")]
    public async Task An_exchange_that_differs_from_the_login_is_invalid_grant_and_uses_the_code_up(string differs)
    {
        var other = DemoData.App with { ClientId = "other-client" };
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { Apps = [DemoData.App, other] });
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var code = await client.LoginForCodeAsync(login);

        using var response = await client.ExchangeAsync(login, code,
            verifier: differs == "verifier" ? PkcePair.New().Verifier : null,
            redirectUri: differs == "redirectUri" ? "http://localhost:5000/auth/callback" : null,
            clientId: differs == "clientId" ? "other-client" : null);

        Assert.Equal("invalid_grant", await TestClient.OAuthErrorOf(response, HttpStatusCode.BadRequest));
        Assert.Equal(0, emu.Snapshot().PendingCodes);
        Assert.Equal("invalid_grant", await TestClient.OAuthErrorOf(await client.ExchangeAsync(login, code), HttpStatusCode.BadRequest));
        Assert.Equal(1, emu.Snapshot().RefreshTokens); // the visitor's only
    }

    [Fact]
    public async Task A_code_is_single_use_and_its_reuse_revokes_what_it_gave()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var code = await client.LoginForCodeAsync(login);
        var tokens = await TestClient.TokensOf(await client.ExchangeAsync(login, code));

        using var reuse = await client.ExchangeAsync(login, code);

        Assert.Equal("invalid_grant", await TestClient.OAuthErrorOf(reuse, HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/members/v1/members/my", tokens.AccessToken)).StatusCode);
        Assert.Equal("invalid_grant", await TestClient.OAuthErrorOf(await client.RefreshAsync(tokens.RefreshToken), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_code_expires_after_its_lifetime_on_the_emulator_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T00:00:00Z"));
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = clock,
            CodeLifetime = TimeSpan.FromMinutes(10),
            AccessTokenLifetime = TimeSpan.FromHours(1),
        });
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var early = new LoginRequest();
        var code = await client.LoginForCodeAsync(login);
        var earlyCode = await client.LoginForCodeAsync(early);

        clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        await TestClient.TokensOf(await client.ExchangeAsync(early, earlyCode));
        clock.Advance(TimeSpan.FromSeconds(1));
        using var late = await client.ExchangeAsync(login, code);

        Assert.Equal("invalid_grant", await TestClient.OAuthErrorOf(late, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unknown_client_is_invalid_client()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);

        using var response = await client.PostJsonAsync("/oauth2/token", new { clientId = "nobody", grantType = "anonymous" });

        Assert.Equal("invalid_client", await TestClient.OAuthErrorOf(response, HttpStatusCode.Unauthorized));
        Assert.Equal(0, emu.Snapshot().AccessTokens);
    }

    [Fact]
    public async Task A_form_encoded_code_exchange_works_like_json()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var code = await client.LoginForCodeAsync(login);

        using var response = await client.PostFormAsync("/oauth2/token",
            ("clientId", login.ClientId), ("grantType", "authorization_code"), ("redirectUri", login.RedirectUri),
            ("code", code), ("codeVerifier", login.Pkce.Verifier));

        var tokens = await TestClient.TokensOf(response);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members/v1/members/my", tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task The_rfc_7636_example_verifies_and_a_neighbour_does_not()
    {
        Assert.True(Model.Pkce.Verifies("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        Assert.False(Model.Pkce.Verifies("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        await Task.CompletedTask;
    }
}

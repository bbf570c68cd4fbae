using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class TokenTests
{
    [Fact]
    public async Task Visitor_tokens_are_long_random_and_distinct()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);

        var first = await client.VisitorTokensAsync();
        var second = await client.VisitorTokensAsync();

        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.AccessToken, first.RefreshToken);
        // 256 bits in base64url are 43 characters, after the readable prefix.
        Assert.True(first.AccessToken.Length >= "emu-at-".Length + 43);
    }

    [Fact]
    public async Task Without_rotation_a_refresh_gives_a_new_access_token_and_keeps_the_refresh_token()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var member = await client.MemberTokensAsync();

        var first = await TestClient.TokensOf(await client.RefreshAsync(member.RefreshToken));
        var second = await TestClient.TokensOf(await client.RefreshAsync(member.RefreshToken));

        Assert.Equal(member.RefreshToken, first.RefreshToken);
        Assert.NotEqual(member.AccessToken, first.AccessToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        var me = await TestClient.JsonOf(await client.GetAsync("/members/v1/members/my", second.AccessToken));
        Assert.Equal(DemoData.Ada.Id, me.GetProperty("member").GetProperty("id").GetString());
        Assert.Equal(2, emu.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
    }

    [Fact]
    public async Task With_rotation_a_refresh_token_works_once_and_its_successor_works()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { RotateRefreshTokens = true });
        using var client = new TestClient(emu);
        var member = await client.MemberTokensAsync();

        var rotated = await TestClient.TokensOf(await client.RefreshAsync(member.RefreshToken));
        using var replay = await client.RefreshAsync(member.RefreshToken);

        Assert.NotEqual(member.RefreshToken, rotated.RefreshToken);
        Assert.Equal("invalid_grant", await TestClient.OAuthErrorOf(replay, HttpStatusCode.BadRequest));
        await TestClient.TokensOf(await client.RefreshAsync(rotated.RefreshToken));
    }

    [Fact]
    public async Task A_refresh_token_belongs_to_its_client()
    {
        var other = DemoData.App with { ClientId = "other-client" };
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { Apps = [DemoData.App, other] });
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();

        using var response = await client.RefreshAsync(visitor.RefreshToken, "other-client");

        Assert.Equal("invalid_grant", await TestClient.OAuthErrorOf(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unsupported_grant_type_is_refused()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);

        using var response = await client.PostJsonAsync("/oauth2/token", new { clientId = DemoData.ClientId, grantType = "password" });

        Assert.Equal("unsupported_grant_type", await TestClient.OAuthErrorOf(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Members_my_answers_401_to_visitor_expired_unknown_and_missing_tokens()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T00:00:00Z"));
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = clock,
            AccessTokenLifetime = TimeSpan.FromSeconds(5),
        });
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();
        var member = await client.MemberTokensAsync();
        Assert.Equal(5, member.ExpiresIn);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members/v1/members/my", "Bearer " + member.AccessToken)).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(1));

        foreach (var token in new[] { visitor.AccessToken, member.AccessToken, "emu-at-unknown", null })
        {
            using var response = await client.GetAsync("/members/v1/members/my", token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var error = await TestClient.JsonOf(response);
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
            Assert.Equal("UNAUTHENTICATED", error.GetProperty("details").GetProperty("applicationError").GetProperty("code").GetString());
        }
        // The refresh token outlives the access token and brings the member back.
        var renewed = await TestClient.TokensOf(await client.RefreshAsync(member.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members/v1/members/my", renewed.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Token_info_describes_member_and_visitor_tokens_with_int64_strings()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T00:00:00Z"));
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var client = new TestClient(emu);
        var member = await client.MemberTokensAsync();
        var visitor = await client.VisitorTokensAsync();

        var info = await TestClient.JsonOf(await client.PostJsonAsync("/oauth2/token-info", new { token = member.AccessToken }));
        var visitorInfo = await TestClient.JsonOf(await client.PostFormAsync("/oauth2/token-info", ("token", visitor.AccessToken)));
        var inactive = await TestClient.JsonOf(await client.PostJsonAsync("/oauth2/token-info", new { token = "nope" }));

        Assert.True(info.GetProperty("active").GetBoolean());
        Assert.Equal("MEMBER", info.GetProperty("subjectType").GetString());
        Assert.Equal(DemoData.Ada.Id, info.GetProperty("subjectId").GetString());
        var iat = clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(iat.ToString(), info.GetProperty("iat").GetString());
        Assert.Equal((iat + 14_400).ToString(), info.GetProperty("exp").GetString());
        Assert.Equal(DemoData.ClientId, info.GetProperty("clientId").GetString());
        Assert.Equal(DemoData.SiteId, info.GetProperty("siteId").GetString());
        Assert.Equal("VISITOR", visitorInfo.GetProperty("subjectType").GetString());
        Assert.Equal("""{"active":false}""", inactive.GetRawText());
    }
}

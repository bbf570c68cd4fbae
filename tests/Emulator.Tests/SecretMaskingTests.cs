using System.Text;
using System.Text.Json;
using Wix.Auth.Emulator.Tests.MemberAuth;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

/// <summary>
/// The request log masks secrets by value as well as by name (issue 26, item 5): no value the emulator issued or received
/// as a secret shows, wherever a client puts it.
/// </summary>
public sealed class SecretMaskingTests
{
    [Fact]
    public async Task A_JSON_body_posted_as_a_form_is_logged_without_its_secrets()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        const string verifier = "a-verifier-the-emulator-never-issued-0123456789";
        const string secret = "a-client-secret-value";
        var body = $$"""{"clientId":"demo-client-id","grantType":"authorization_code","code":"x-code","codeVerifier":"{{verifier}}","client_secret":"{{secret}}"}""";

        using (await client.PostRawAsync("/oauth2/token", body, "application/x-www-form-urlencoded")) { }

        var log = await client.Http.GetStringAsync("/_emulator/requests");
        Assert.DoesNotContain(verifier, log);
        Assert.DoesNotContain(secret, log);
        Assert.Contains("demo-client-id", log);   // the entry stays useful
    }

    [Fact]
    public async Task Issued_and_received_secrets_are_masked_in_the_query_an_odd_field_a_header_and_the_path()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var code = await client.LoginForCodeAsync(login);
        var tokens = await TestClient.TokensOf(await client.ExchangeAsync(login, code));

        using (await client.GetAsync($"/members/v1/members/{tokens.AccessToken}?note={code}&v={login.Pkce.Verifier}")) { }
        using (await client.PostFormAsync("/oauth2/token", ("client_id", DemoData.ClientId), ("memo", tokens.RefreshToken),
            ("pw", "lovelace"), ("grant_type", "refresh_token"))) { }
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token-info"))
        {
            request.Headers.UserAgent.ParseAdd("tool/1.0");
            request.Headers.TryAddWithoutValidation("client-binding", tokens.AccessToken);
            request.Content = new StringContent(JsonSerializer.Serialize(new { token = "x", comment = "tokens " + tokens.RefreshToken, n = new[] { code } }),
                Encoding.UTF8, "application/json");
            using (await client.Http.SendAsync(request)) { }
        }

        var log = await client.Http.GetStringAsync("/_emulator/requests");
        foreach (var secret in new[] { code, login.Pkce.Verifier, tokens.AccessToken, tokens.RefreshToken, "lovelace" })
            Assert.DoesNotContain(secret, log);
        var members = Assert.Single(emu.RequestLog.Entries, e => e.Path.StartsWith("/members/v1/members/", StringComparison.Ordinal));
        Assert.Equal("/members/v1/members/***", members.Path);
        Assert.Equal("?note=***&v=***", members.Query);
        Assert.Equal("***", emu.RequestLog.For(EmulatorEndpoint.TokenInfo).Single().Headers["client-binding"]);
    }

    [Fact]
    public async Task A_mailed_verification_code_and_an_added_members_password_are_masked_in_any_field()
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        using (await client.PostRawAsync("/_api/iam/authentication/v2/login",
            """{"loginId":{"email":"una@example.com"},"password":"Unverified-1"}""", "application/json", visitor.AccessToken)) { }
        var mailed = emu.Outbox.To("una@example.com").Single().Code!;
        using (await client.PostJsonAsync("/_emulator/members", new
        {
            email = "new@example.com", password = "Added-by-admin-7", id = "n-1", firstName = "N", lastName = "M", nickname = "n",
        })) { }

        using (await client.PostRawAsync("/_api/iam/verification/v1/auth/verify",
            $$"""{"otp":["{{mailed}}"],"note":"{{mailed}}","stateToken":"x","hint":"Added-by-admin-7"}""", "application/json", visitor.AccessToken)) { }

        var log = JsonSerializer.Serialize(emu.RequestLog.Entries);
        Assert.DoesNotContain(mailed, log);
        Assert.DoesNotContain("Added-by-admin-7", log);
        Assert.DoesNotContain("Unverified-1", log);
    }

    [Fact]
    public async Task A_password_that_contains_another_is_masked_whole_and_a_short_one_only_where_it_stands_alone()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            Members = [new DemoMember("a@example.com", "love", "m-1", "A", "B", "a"), new DemoMember("b@example.com", "lovelace-2", "m-2", "B", "C", "b")],
        });
        using var client = new TestClient(emu);
        using (await client.PostFormAsync("/oauth2/token", ("grant_type", "anonymous"), ("memo", "lovelace-2"))) { }

        using (await client.PostFormAsync("/oauth2/token", ("grant_type", "anonymous"), ("memo", "beloved lovers"))) { }

        Assert.Equal("***", emu.RequestLog.Entries[0].Body!["memo"]!.GetValue<string>());
        // A short secret is masked where it stands alone, not inside other words.
        Assert.Equal("beloved lovers", emu.RequestLog.Entries[1].Body!["memo"]!.GetValue<string>());
    }
}

using System.Net;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class LoginFlowTests
{
    [Theory]
    [InlineData("fragment")]
    [InlineData("query")]
    public async Task A_member_logs_in_by_form_post_and_the_code_buys_member_tokens(string responseMode)
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest { ResponseMode = responseMode };

        var fullUrl = await client.CreateLoginSessionAsync(login);
        Assert.StartsWith(new Uri(emu.BaseUrl, "/_api/oauth2/authorize?rs=").ToString(), fullUrl);
        var location = await client.SubmitLoginAsync(fullUrl);

        Assert.StartsWith(login.RedirectUri + (responseMode == "query" ? "?" : "#"), location.ToString());
        var parameters = responseMode == "query" ? UrlParams.Query(location) : UrlParams.Fragment(location);
        Assert.Equal(login.State, parameters["state"]);
        using var exchange = await client.ExchangeAsync(login, parameters["code"]);
        var tokens = await TestClient.TokensOf(exchange);
        Assert.Equal(14_400, tokens.ExpiresIn);

        using var me = await client.GetAsync("/members/v1/members/my", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var member = (await TestClient.JsonOf(me)).GetProperty("member");
        Assert.Equal(DemoData.Ada.Id, member.GetProperty("id").GetString());
        Assert.Equal("ada@example.com", member.GetProperty("loginEmail").GetString());
        Assert.Equal("Ada Lovelace", member.GetProperty("profile").GetProperty("nickname").GetString());
        Assert.Equal("Lovelace", member.GetProperty("contact").GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task The_redirect_session_answers_in_wix_shape()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();

        using var response = await client.PostJsonAsync(
            "/_api/redirects-api/v1/redirect-session", new LoginRequest().Body(), "Bearer " + visitor.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = (await TestClient.JsonOf(response)).GetProperty("redirectSession");
        var id = session.GetProperty("id").GetString()!;
        var endpoint = session.GetProperty("urlDetails").GetProperty("endpoint").GetString();
        Assert.Equal(new Uri(emu.BaseUrl, "/_api/oauth2/authorize").ToString(), endpoint);
        Assert.Equal(id, session.GetProperty("urlDetails").GetProperty("searchParams").GetProperty("rs").GetString());
        Assert.Equal($"{endpoint}?rs={id}", session.GetProperty("fullUrl").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, session.GetProperty("sessionToken").ValueKind);
        Assert.False(string.IsNullOrEmpty(session.GetProperty("shortUrl").GetString()));
    }

    [Fact]
    public async Task The_login_page_is_a_plain_form_with_email_password_and_cancel()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var fullUrl = await client.CreateLoginSessionAsync(new LoginRequest());

        using var page = await client.GetAsync(fullUrl);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<form method=\"post\"", html);
        Assert.Contains("name=\"email\"", html);
        Assert.Contains("name=\"password\"", html);
        Assert.Contains("<label for=\"email\">", html);
        Assert.Contains("value=\"cancel\"", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task State_with_reserved_characters_comes_back_byte_for_byte()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest { State = "a b+c&d=e#f%20g/é?" };

        var code = await client.LoginForCodeAsync(login);

        Assert.False(string.IsNullOrEmpty(code));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_an_error_and_issues_nothing()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var fullUrl = await client.CreateLoginSessionAsync(new LoginRequest());

        using var response = await client.PostFormAsync(fullUrl, ("email", "ada@example.com"), ("password", "babbage"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("value=\"ada@example.com\"", html);
        Assert.Equal(0, emu.Snapshot().PendingCodes);
        Assert.Equal(0, emu.Snapshot().BrowserSessions);
        // The session is still usable: the right password then succeeds.
        Assert.Equal(HttpStatusCode.Found, (await client.PostFormAsync(fullUrl, ("email", "ADA@example.com"), ("password", "lovelace"))).StatusCode);
    }

    [Fact]
    public async Task Cancel_redirects_with_access_denied_and_the_state()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest();
        var fullUrl = await client.CreateLoginSessionAsync(login);

        using var response = await client.PostFormAsync(fullUrl, ("action", "cancel"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var parameters = UrlParams.Fragment(response.Headers.Location!);
        Assert.Equal("access_denied", parameters["error"]);
        Assert.False(string.IsNullOrEmpty(parameters["error_description"]));
        Assert.Equal(login.State, parameters["state"]);
        Assert.False(parameters.ContainsKey("code"));
    }

    [Fact]
    public async Task Prompt_none_without_a_session_cookie_redirects_with_login_required()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var login = new LoginRequest { Prompt = "none", ResponseMode = "query" };

        using var response = await client.GetAsync(await client.CreateLoginSessionAsync(login));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var parameters = UrlParams.Query(response.Headers.Location!);
        Assert.Equal("login_required", parameters["error"]);
        Assert.Equal(login.State, parameters["state"]);
        Assert.Equal(0, emu.Snapshot().PendingCodes);
    }

    [Fact]
    public async Task Prompt_none_with_a_session_cookie_succeeds_at_once_for_the_same_member()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        await client.MemberTokensAsync(new LoginRequest());
        var silent = new LoginRequest { Prompt = "none" };

        using var response = await client.GetAsync(await client.CreateLoginSessionAsync(silent));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var parameters = UrlParams.Fragment(response.Headers.Location!);
        Assert.Equal(silent.State, parameters["state"]);
        var tokens = await TestClient.TokensOf(await client.ExchangeAsync(silent, parameters["code"]));
        var me = await TestClient.JsonOf(await client.GetAsync("/members/v1/members/my", tokens.AccessToken));
        Assert.Equal(DemoData.Ada.Id, me.GetProperty("member").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Logout_ends_the_browser_session_and_redirects_to_the_post_flow_url()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var member = await client.MemberTokensAsync();
        Assert.Equal(1, emu.Snapshot().BrowserSessions);

        using var created = await client.PostJsonAsync("/_api/redirects-api/v1/redirect-session",
            new { logout = new { clientId = DemoData.ClientId }, callbacks = new { postFlowUrl = "http://localhost:3000/bye?x=1" } },
            member.AccessToken);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var logoutUrl = (await TestClient.JsonOf(created)).GetProperty("redirectSession").GetProperty("fullUrl").GetString()!;
        using var response = await client.GetAsync(logoutUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://localhost:3000/bye?x=1", response.Headers.Location!.ToString());
        Assert.Equal(0, emu.Snapshot().BrowserSessions);
        using var silent = await client.GetAsync(await client.CreateLoginSessionAsync(new LoginRequest { Prompt = "none" }));
        Assert.Equal("login_required", UrlParams.Fragment(silent.Headers.Location!)["error"]);
    }

    [Fact]
    public async Task A_redirect_session_has_one_outcome_and_unknown_ones_get_an_error_page()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var fullUrl = await client.CreateLoginSessionAsync(new LoginRequest());
        await client.SubmitLoginAsync(fullUrl);

        using var again = await client.PostFormAsync(fullUrl, ("email", "ada@example.com"), ("password", "lovelace"));
        using var unknown = await client.GetAsync("/_api/oauth2/authorize?rs=nope");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(1, emu.Snapshot().PendingCodes);
    }
}

using System.Net;
using System.Text.Json;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests.MemberAuth;

/// <summary>
/// The member-auth endpoints are as strict as the rest: every bad field is a typed 4XX in Wix's envelope, never a
/// 500, and a refused request stores nothing; every store is bounded; secrets stay out of the request log.
/// </summary>
public sealed class MemberAuthStrictnessTests
{
    private const string Login = "/_api/iam/authentication/v2/login";
    private const string Register = "/_api/iam/authentication/v2/register";
    private const string Verify = "/_api/iam/verification/v1/auth/verify";
    private const string SendEmail = "/_api/iam/recovery/v1/send-email";
    private const string Recover = "/_api/iam/recovery/v1/recover";
    private const string SignOn = "/_api/iam/authentication/v2/sign-on";
    private const string Jane = """{"email":"jane@example.com"}""";

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { Login, """{"password":"Secret-123"}""", "loginId" },
        { Login, """{"loginId":{"email":42},"password":"Secret-123"}""", "loginId.email" },
        { Login, """{"loginId":{"email":"not an email"},"password":"Secret-123"}""", "loginId.email" },
        { Login, $$"""{"loginId":{{Jane}}}""", "password" },
        { Login, $$"""{"loginId":{{Jane}},"password":7}""", "password" },
        { Login, $$"""{"loginId":{{Jane}},"password":""}""", "password" },
        { Login, $$"""{"loginId":{{Jane}},"password":"Secret-123","captchaTokens":"x"}""", "captchaTokens" },
        { Login, $$"""{"loginId":{{Jane}},"password":"Secret-123","captchaTokens":[{"Other":"x"}]}""", "captchaTokens.Other" },
        { Login, $$"""{"loginId":{{Jane}},"password":"Secret-123","captchaTokens":[{},{},{}]}""", "captchaTokens" },
        { Login, $$"""{"loginId":{{Jane}},"password":"Secret-123","captchaTokens":[{"Recaptcha":1}]}""", "captchaTokens.Recaptcha" },
        { Login, $$"""{"loginId":{{Jane}},"password":"Secret-123","stateToken":5}""", "stateToken" },
        { Register, """{"loginId":{"email":"new@example.com"},"password":"abc"}""", "password" },
        { Register, """{"loginId":{"email":"new@example.com"},"password":"Long-enough","profile":[]}""", "profile" },
        { Register, """{"loginId":{"email":"new@example.com"},"password":"Long-enough","profile":{"firstName":1}}""", "profile.firstName" },
        { Register, """{"loginId":{"email":"new@@example.com"},"password":"Long-enough"}""", "loginId.email" },
        { Verify, """{"stateToken":"x"}""", "code" },
        { Verify, """{"code":"123456"}""", "stateToken" },
        { SendEmail, """{"email":"jane@example.com"}""", "redirect" },
        { SendEmail, """{"email":"jane@example.com","redirect":{"clientId":"cid-1"}}""", "redirect.url" },
        { SendEmail, """{"redirect":{"url":"http://localhost:3000/r","clientId":"cid-1"}}""", "email" },
        { Recover, """{"password":"Long-enough"}""", "recoveryToken" },
        { Recover, """{"recoveryToken":"x","password":"ab"}""", "password" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_field_is_a_400_field_violation_and_changes_nothing(string path, string body, string field)
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        var (before, memberBefore) = (emu.Snapshot(), emu.MemberAuthSnapshot());

        using var response = await client.PostRawAsync(path, body, "application/json", visitor.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = (await TestClient.JsonOf(response)).GetProperty("details").GetProperty("validationError")
            .GetProperty("fieldViolations")[0];
        Assert.Equal(field, violation.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(violation.GetProperty("violatedRule").GetString()));
        Assert.Equal((before, memberBefore), (emu.Snapshot(), emu.MemberAuthSnapshot()));
    }

    public static TheoryData<string, string, string?, string> RefusedRequests => new()
    {
        { Login, $$"""{"loginId":{{Jane}},"password":"Secret-123"}""", null, "UNAUTHENTICATED" },
        { Login, $$"""{"loginId":{{Jane}},"password":"Secret-123"}""", "forged-token", "UNAUTHENTICATED" },
        { Login, "{\"loginId\":", "visitor", "INVALID_ARGUMENT" },
        { Login, "[1]", "visitor", "INVALID_ARGUMENT" },
        { Verify, """{"code":"123456","stateToken":"emu-vt-unknown"}""", "visitor", "INVALID_STATE_TOKEN" },
        { Recover, """{"recoveryToken":"emu-rec-unknown","password":"Long-enough"}""", "visitor", "INVALID_RECOVERY_TOKEN" },
        { SendEmail, """{"email":"jane@example.com","redirect":{"url":"http://localhost:3000/r","clientId":"other"}}""", "visitor", "UNKNOWN_CLIENT" },
        { SendEmail, """{"email":"jane@example.com","redirect":{"url":"https://evil.example/r","clientId":"cid-1"}}""", "visitor", "INVALID_REDIRECT_URL" },
        { SignOn, $$"""{"loginId":{{Jane}}}""", "visitor", "UNAUTHENTICATED" },
        { SignOn, $$"""{"loginId":{{Jane}}}""", "visitor,API-KEY-FORGED", "UNAUTHENTICATED" },
        { SignOn, $$"""{"loginId":{{Jane}}}""", "visitor,API-KEY-NOPERM", "PERMISSION_DENIED" },
        { SignOn, $$"""{"loginId":{{Jane}}}""", ",API-KEY-1", "UNAUTHENTICATED" },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task A_refused_request_is_a_typed_application_error_and_changes_nothing(
        string path, string body, string? authorization, string code)
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        var (before, memberBefore) = (emu.Snapshot(), emu.MemberAuthSnapshot());

        using var response = await client.PostRawAsync(path, body, "application/json", authorization?.Replace("visitor", visitor.AccessToken));

        Assert.InRange((int)response.StatusCode, 400, 499);
        var error = (await TestClient.JsonOf(response)).GetProperty("details").GetProperty("applicationError");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal((before, memberBefore), (emu.Snapshot(), emu.MemberAuthSnapshot()));
    }

    public static TheoryData<string, string?, string> BadExternalGrants => new()
    {
        { """{"grant_type":"authorized_client","member_id":"7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10"}""", null, "invalid_client" },
        { """{"grant_type":"authorized_client","member_id":"7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10"}""", ",API-KEY-FORGED", "invalid_client" },
        { """{"grant_type":"authorized_client","member_id":"7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10"}""", "forged-token,API-KEY-1", "invalid_client" },
        { """{"grant_type":"authorized_client","member_id":"7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10"}""", ",API-KEY-NOPERM", "unauthorized_client" },
        { """{"grant_type":"authorized_client"}""", ",API-KEY-1", "invalid_request" },
        { """{"grant_type":"authorized_client","member_id":"7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10","scope":"admin"}""", ",API-KEY-1", "invalid_scope" },
        { """{"grant_type":"authorized_client","member_id":"nobody"}""", ",API-KEY-1", "invalid_grant" },
        { """{"grant_type":"authorized_client","member_id":"7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10","session_token":"emu-st-forged"}""", ",API-KEY-1", "invalid_grant" },
        { """{"grant_type":"authorized_client","member_id":"a11ce000-0000-4000-8000-0000000000a2"}""", ",API-KEY-1", "invalid_grant" },
    };

    [Theory]
    [MemberData(nameof(BadExternalGrants))]
    public async Task A_bad_authorized_client_grant_is_an_oauth_error_and_issues_nothing(string body, string? authorization, string error)
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var before = emu.Snapshot();

        using var response = await client.PostRawAsync("/oauth2/token", body, "application/json", authorization);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(error, (await TestClient.JsonOf(response)).GetProperty("error").GetString());
        Assert.Equal(before, emu.Snapshot());
    }

    [Fact]
    public async Task A_sign_on_session_token_is_good_for_one_grant_of_its_own_member()
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        using var signOn = await client.PostRawAsync(SignOn, $$"""{"loginId":{{Jane}}}""", "application/json", visitor.AccessToken + ",API-KEY-1");
        var sessionToken = (await TestClient.JsonOf(signOn)).GetProperty("sessionToken").GetString();
        string Grant(string member) => $$"""{"grant_type":"authorized_client","member_id":"{{member}}","session_token":"{{sessionToken}}"}""";

        using var otherMember = await client.PostRawAsync("/oauth2/token", Grant("a11ce000-0000-4000-8000-0000000000a3"), "application/json", ",API-KEY-1");
        using var first = await client.PostRawAsync("/oauth2/token", Grant(MemberAuthSdk.Jane.Id), "application/json", ",API-KEY-1");
        using var second = await client.PostRawAsync("/oauth2/token", Grant(MemberAuthSdk.Jane.Id), "application/json", ",API-KEY-1");

        Assert.Equal(HttpStatusCode.BadRequest, otherMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);   // taking it for the wrong member used it up
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_are_bounded_after_which_even_the_right_code_is_refused()
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        using var login = await client.PostRawAsync(Login, """{"loginId":{"email":"una@example.com"},"password":"Unverified-1"}""", "application/json", visitor.AccessToken);
        var stateToken = (await TestClient.JsonOf(login)).GetProperty("stateToken").GetString();
        var code = emu.Outbox.To("una@example.com").Single().Code!;
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var attempt = await client.PostRawAsync(Verify, $$"""{"code":"{{(i < 5 ? wrong : code)}}","stateToken":"{{stateToken}}"}""", "application/json", visitor.AccessToken);
            answers.Add((await TestClient.JsonOf(attempt)).GetProperty("details").GetProperty("applicationError").GetProperty("code").GetString()!);
        }

        Assert.Equal([.. Enumerable.Repeat("VERIFICATION_FAILED", 5), "INVALID_STATE_TOKEN"], answers);
        Assert.Equal(0, emu.MemberAuthSnapshot().StateTokens);
    }

    [Fact]
    public async Task The_outbox_members_and_pending_tokens_are_bounded()
    {
        var options = MemberAuthSdk.Options() with
        {
            MemberAuth = MemberAuthSdk.Options().MemberAuth with { OutboxCapacity = 3, MaxMembers = 5, MaxPendingTokens = 2 },
        };
        await using var emu = await WixEmulator.StartAsync(options);
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        Task<HttpResponseMessage> Post(string path, string body) => client.PostRawAsync(path, body, "application/json", visitor.AccessToken);

        for (var i = 0; i < 5; i++)
            (await Post(SendEmail, """{"email":"jane@example.com","redirect":{"url":"http://localhost:3000/r","clientId":"cid-1"}}""")).Dispose();
        using var newcomer = await Post(Register, """{"loginId":{"email":"one@example.com"},"password":"Long-enough"}""");
        using var full = await Post(Register, """{"loginId":{"email":"two@example.com"},"password":"Long-enough"}""");

        Assert.Equal([4L, 5L, 6L], emu.Outbox.Mails.Select(m => m.Sequence));   // the oldest went first
        Assert.Equal(HttpStatusCode.OK, newcomer.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, full.StatusCode);
        Assert.Equal(5, emu.MemberAuthSnapshot().Members);
        Assert.True(emu.MemberAuthSnapshot().RecoveryTokens <= 2);
    }

    [Fact]
    public async Task Concurrent_sign_ups_with_one_email_create_one_member()
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var r = await client.PostRawAsync(Register, """{"loginId":{"email":"race@example.com"},"password":"Long-enough"}""", "application/json", visitor.AccessToken);
            return r.StatusCode;
        }));

        Assert.Single(answers, s => s == HttpStatusCode.OK);
        Assert.Equal(7, answers.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(MemberAuthSdk.Options().Members.Count + 1, emu.MemberAuthSnapshot().Members);
    }

    [Fact]
    public async Task The_web_message_page_posts_only_to_the_apps_origins_under_a_nonce_policy_and_once()
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        using var login = await client.PostRawAsync(Login, $$"""{"loginId":{{Jane}},"password":"Secret-123"}""", "application/json", visitor.AccessToken);
        var sessionToken = (await TestClient.JsonOf(login)).GetProperty("sessionToken").GetString();
        var pkce = PkcePair.New();
        using var session = await client.PostJsonAsync("/_api/redirects-api/v1/redirect-session", new
        {
            auth = new
            {
                authRequest = new
                {
                    clientId = MemberAuthSdk.ClientId, codeChallenge = pkce.Challenge, codeChallengeMethod = "S256",
                    responseMode = "web_message", responseType = "code", scope = "offline_access", state = "st-1", sessionToken,
                },
                prompt = "none",
            },
        }, visitor.AccessToken);
        var fullUrl = (await TestClient.JsonOf(session)).GetProperty("redirectSession").GetProperty("fullUrl").GetString()!;

        using var page = await client.GetAsync(fullUrl);
        using var again = await client.GetAsync(fullUrl);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("var origins = [\"http://localhost:3000\"];", html);
        Assert.DoesNotContain("\"*\"", html);
        Assert.Matches("\"code\":\"emu-code-[A-Za-z0-9_-]{43}\",\"state\":\"st-1\"", html);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src 'nonce-[A-Za-z0-9+/=]+'", csp);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Secrets_stay_out_of_the_request_log_and_out_of_to_string()
    {
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync(MemberAuthSdk.ClientId);
        (await client.PostRawAsync(Login, """{"loginId":{"email":"una@example.com"},"password":"Unverified-1","captchaTokens":[{"Recaptcha":"RECAPTCHA-TOKEN-1"}]}""", "application/json", visitor.AccessToken)).Dispose();
        (await client.PostRawAsync(Recover, """{"recoveryToken":"emu-rec-guess","password":"New-password-9"}""", "application/json", visitor.AccessToken)).Dispose();

        var log = JsonSerializer.Serialize(emu.RequestLog.Entries);
        Assert.DoesNotContain("Unverified-1", log);
        Assert.DoesNotContain("RECAPTCHA-TOKEN-1", log);
        Assert.DoesNotContain("emu-rec-guess", log);
        Assert.DoesNotContain("New-password-9", log);
        Assert.DoesNotContain("API-KEY-1", new EmulatorApiKey("API-KEY-1", "cid-1").ToString());
        Assert.DoesNotContain("Secret-123", MemberAuthSdk.Jane.ToString());
    }
}

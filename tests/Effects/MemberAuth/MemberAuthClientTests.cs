using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;

namespace Wix.Auth.Effects.Tests.MemberAuth;

/// <summary>
/// <c>Login</c>, <c>Register</c>, <c>ProcessVerification</c>, <c>SendPasswordResetEmail</c> and <c>Recover</c> through
/// the façade, over loopback against the emulator: every outcome a value with its stable code.
/// </summary>
public sealed class MemberAuthClientTests : IAsyncLifetime
{
    private static readonly DemoMember Una = new("una@example.com", "Unverified-1", "a11ce000-0000-4000-8000-0000000000a1", "Una", "V", "una", EmailVerified: false);
    private Harness h = null!;
    private MemberAuthClient forms = null!;

    public async Task InitializeAsync()
    {
        h = await Harness.StartAsync(
            e => e with { Members = [DemoData.Ada, Una], MemberAuth = new MemberAuthOptions { AcceptedCaptchaTokens = ["solved"] } },
            o => o.AllowedRedirectOrigins.Add("http://localhost:3000"));
        // Every port but the session has a default: Wix over the session's connection, this instance's memory for the verification.
        forms = new MemberAuthClient(h.Client);
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static string Code<T>(AuthResult<T, MemberAuthError> result) where T : notnull =>
        result.Match(v => v is MemberAuthStep s ? s.Code : "ok", e => e.Code);

    private static T Step<T>(AuthResult<MemberAuthStep, MemberAuthError> result) where T : MemberAuthStep =>
        Assert.IsType<T>(result.Match(s => s, e => throw new Xunit.Sdk.XunitException($"expected a step, got {e.Code}")));

    private string LastCode(string email) => h.Emulator.Outbox.To(email)[^1].Code!;

    [Fact]
    public async Task A_verified_member_logs_in_and_the_visitor_token_is_fetched_once()
    {
        var first = Step<MemberAuthStep.LoggedIn>(await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password));
        await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password);

        Assert.Equal(DemoData.Ada.Id, first.Member?.MemberId);
        Assert.False(first.SessionToken.IsEmpty);
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "anonymous"));
    }

    [Fact]
    public async Task An_unverified_member_enters_the_mailed_code_and_a_wrong_one_can_be_corrected()
    {
        var pending = Step<MemberAuthStep.EmailVerificationRequired>(await forms.LoginAsync(Una.Email, Una.Password));
        var code = LastCode(Una.Email);

        var wrong = await forms.ProcessVerificationAsync(code == "000000" ? "111111" : "000000");
        var right = await forms.ProcessVerificationAsync(code);
        var replayed = await forms.ProcessVerificationAsync(code);

        Assert.Equal(Una.Id, pending.Member?.MemberId);
        Assert.Equal("wrong_verification_code", Code(wrong));
        Assert.Equal("logged_in", Code(right));
        Assert.Equal("no_verification_pending", Code(replayed));
    }

    [Fact]
    public async Task Wrong_codes_end_the_verification_at_the_bound_and_a_new_login_starts_another()
    {
        Step<MemberAuthStep.EmailVerificationRequired>(await forms.LoginAsync(Una.Email, Una.Password));
        var wrong = LastCode(Una.Email) == "000000" ? "111111" : "000000";

        var answers = new List<string>();
        for (var i = 0; i < 6; i++) answers.Add(Code(await forms.ProcessVerificationAsync(wrong)));
        Step<MemberAuthStep.EmailVerificationRequired>(await forms.LoginAsync(Una.Email, Una.Password));
        var right = await forms.ProcessVerificationAsync(LastCode(Una.Email));

        Assert.Equal([.. Enumerable.Repeat("wrong_verification_code", 4), "too_many_wrong_codes", "no_verification_pending"], answers);
        Assert.Equal("logged_in", Code(right));
    }

    [Fact]
    public async Task Each_visitor_continues_only_their_own_verification()
    {
        var other = new MemberAuthClient(h.Client, api: new MemberAuthHttpApi(new HttpClient(), h.Options, h.LoggerFactory.CreateLogger<MemberAuthHttpApi>()), logger: h.LoggerFactory.CreateLogger<MemberAuthClient>());
        Step<MemberAuthStep.EmailVerificationRequired>(await forms.LoginAsync(Una.Email, Una.Password));

        Assert.Equal("no_verification_pending", Code(await other.ProcessVerificationAsync(LastCode(Una.Email))));
        Assert.Equal("logged_in", Code(await forms.ProcessVerificationAsync(LastCode(Una.Email))));
    }

    [Fact]
    public async Task A_new_member_signs_up_verifies_and_cannot_sign_up_twice()
    {
        var profile = new MemberProfile { FirstName = "New", Nickname = "nc" };

        Step<MemberAuthStep.EmailVerificationRequired>(await forms.RegisterAsync("new@example.com", "Long-enough-1", profile));
        var verified = await forms.ProcessVerificationAsync(LastCode("new@example.com"));
        var again = await forms.RegisterAsync("new@example.com", "Long-enough-1");

        Assert.Equal("logged_in", Code(verified));
        Assert.Equal("email_already_exists", Code(again));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var wrong = (await forms.LoginAsync(DemoData.Ada.Email, "nope")).Match(_ => null!, e => e);
        var nobody = (await forms.LoginAsync("nobody@example.com", "whatever")).Match(_ => null!, e => e);

        Assert.Equal(new MemberAuthError.WrongCredentials(), wrong);
        Assert.Equal(wrong, nobody);
    }

    [Fact]
    public async Task A_form_that_cannot_succeed_sends_nothing()
    {
        var result = await forms.LoginAsync("not-an-email", "x");

        Assert.Equal("invalid_email", Code(result));
        Assert.Equal(0, h.Emulator.RequestLog.Count(EmulatorEndpoint.Login));
    }

    [Fact]
    public async Task Captcha_required_then_solved()
    {
        using var admin = new HttpClient();
        (await admin.PostAsync(new Uri(h.Emulator.BaseUrl, "/_emulator/member-auth"),
            new StringContent("""{"requireCaptcha":true}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var missing = await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password);
        var forged = await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password, new CaptchaTokens(new Secret("forged")));
        var solved = await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password, new CaptchaTokens(new Secret("solved")));

        Assert.Equal(("captcha_required", "captcha_invalid", "logged_in"), (Code(missing), Code(forged), Code(solved)));
    }

    [Fact]
    public async Task A_reset_mail_leads_to_a_new_password_and_goes_only_to_an_allowed_origin()
    {
        var refused = await forms.SendPasswordResetEmailAsync(DemoData.Ada.Email, "https://evil.example/steal");
        var local = await forms.SendPasswordResetEmailAsync(DemoData.Ada.Email, "/reset");
        Assert.Empty(h.Emulator.Outbox.Mails);

        var sent = await forms.SendPasswordResetEmailAsync(DemoData.Ada.Email, "http://localhost:3000/reset");
        var token = h.Emulator.Outbox.To(DemoData.Ada.Email).Single().RecoveryToken!;
        var recovered = await forms.RecoverAsync(token, "New-password-1");
        var login = await forms.LoginAsync(DemoData.Ada.Email, "New-password-1");
        var unknown = await forms.SendPasswordResetEmailAsync("nobody@example.com", "http://localhost:3000/reset");

        Assert.Equal(("invalid_field", "invalid_field"), (Code(refused), Code(local)));
        Assert.Equal(new PasswordResetRequested(DemoData.Ada.Email, "http://localhost:3000/reset"), sent.Value);
        Assert.Equal(("logged_in", "logged_in"), (Code(recovered), Code(login)));
        // Told like a member's address, so the form does not say who is one.
        Assert.Equal(new PasswordResetRequested("nobody@example.com", "http://localhost:3000/reset"), unknown.Value);
    }

    [Fact]
    public async Task No_password_or_code_reaches_the_log()
    {
        var pending = Step<MemberAuthStep.EmailVerificationRequired>(await forms.LoginAsync(Una.Email, Una.Password));
        await forms.ProcessVerificationAsync(LastCode(Una.Email));

        var logged = string.Join('\n', h.Logs.Lines);
        Assert.DoesNotContain(Una.Password, logged);
        Assert.DoesNotContain(LastCode(Una.Email), logged);
        Assert.DoesNotContain(pending.StateToken.Reveal(), logged);
    }
}

/// <summary><c>AddWixAuth</c> gives a host the member forms too, talking to the configured Wix.</summary>
public sealed class MemberAuthRegistrationTests
{
    [Fact]
    public async Task The_member_forms_client_resolves_and_logs_in()
    {
        await using var emu = await WixEmulator.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(o =>
        {
            o.ClientId = DemoData.ClientId;
            o.ApiBaseUrl = emu.BaseUrl;
        }).AddSingleUserSession();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var forms = scope.ServiceProvider.GetRequiredService<MemberAuthClient>();
        var result = await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password);

        Assert.Equal("logged_in", result.Match(s => s.Code, e => e.Code));
    }
}

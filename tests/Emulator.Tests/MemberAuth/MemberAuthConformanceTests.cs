using System.Text.Json.Nodes;

namespace Wix.Auth.Emulator.Tests.MemberAuth;

/// <summary>
/// The published @wix/sdk 1.21.16, unchanged, under Node, against the emulator: login, register,
/// processVerification, sendPasswordResetEmail, direct, social and external login get the outcomes the capture
/// describes, with the emulator deciding them from real state (members, mailed codes, switches, API keys).
/// One run of tests/js/member-auth.mjs; each test reads its part.
/// </summary>
public sealed class MemberAuthConformanceTests(MemberAuthConformanceTests.Run run) : IClassFixture<MemberAuthConformanceTests.Run>
{
    /// <summary>Starts the emulator and runs the script once for the whole class.</summary>
    public sealed class Run : IAsyncLifetime
    {
        public JsonNode Result { get; private set; } = null!;

        public MemberAuthSnapshot After { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options());
            Result = await Task.Run(() => MemberAuthSdk.Run(emu, "outcomes"));
            After = emu.MemberAuthSnapshot();
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private JsonNode Outcome(string name) => run.Result[name] ?? throw new Xunit.Sdk.XunitException($"no outcome {name}");

    private string LoginState(string name) => Outcome(name)["loginState"]!.GetValue<string>();

    private string? ErrorCode(string name) => Outcome(name)["errorCode"]?.GetValue<string>();

    private string Threw(string name) => Outcome(name)["threw"]!["message"]!.GetValue<string>();

    [Fact]
    public void Login_success_gives_a_session_token_that_the_login_url_turns_into_member_tokens_once()
    {
        Assert.Equal("SUCCESS", LoginState("loginSuccess"));
        Assert.StartsWith("emu-st-", Outcome("loginSuccess")["data"]!["sessionToken"]!.GetValue<string>());
        Assert.True(Outcome("sessionTokenToTokens")["loggedIn"]!.GetValue<bool>());
        Assert.Equal(MemberAuthSdk.Jane.Id, Outcome("sessionTokenToTokens")["member"]!.GetValue<string>());
        Assert.Contains("error=login_required", Outcome("sessionTokenTwice")!.GetValue<string>());
    }

    [Fact]
    public void Direct_login_posts_the_code_to_the_site_window_and_an_invalid_session_token_posts_login_required()
    {
        Assert.Equal("member", Outcome("directLogin")["role"]!.GetValue<string>());
        Assert.Equal(MemberAuthSdk.Jane.Id, Outcome("directLogin")["member"]!.GetValue<string>());
        Assert.Equal(1, Outcome("directLogin")["messages"]!.GetValue<int>());
        Assert.Equal("Missing code or _state", Outcome("directLoginBadToken")["threw"]!["message"]!.GetValue<string>());
        Assert.Equal("login_required", Outcome("directLoginBadToken")["delivered"]![0]!["error"]!.GetValue<string>());
    }

    [Fact]
    public void Captcha_missing_invalid_and_solved_are_three_outcomes()
    {
        Assert.Equal(("FAILURE", "missingCaptchaToken"), (LoginState("captchaMissing"), ErrorCode("captchaMissing")));
        Assert.Equal(("FAILURE", "invalidCaptchaToken"), (LoginState("captchaInvalid"), ErrorCode("captchaInvalid")));
        Assert.Equal("SUCCESS", LoginState("captchaSolved"));
    }

    [Fact]
    public void An_unverified_member_verifies_with_the_mailed_code_and_a_wrong_code_is_refused()
    {
        Assert.Equal("EMAIL_VERIFICATION_REQUIRED", LoginState("verificationRequired"));
        Assert.Contains("VERIFICATION_FAILED", Threw("verificationWrongCode"));
        Assert.Equal("SUCCESS", LoginState("verificationRightCode"));
        Assert.Equal("SUCCESS", LoginState("loginAfterVerification"));
    }

    [Fact]
    public void Login_failures_each_get_their_own_error_code()
    {
        Assert.Equal("OWNER_APPROVAL_REQUIRED", LoginState("ownerApprovalRequired"));
        Assert.Equal("invalidPassword", ErrorCode("wrongPassword"));
        Assert.Contains("-19999", Outcome("unknownEmail")["error"]!.GetValue<string>());
        Assert.Equal("invalidEmail", ErrorCode("unknownEmail"));
        Assert.Equal("resetPassword", ErrorCode("resetRequired"));
    }

    [Fact]
    public void Register_verifies_by_code_waits_for_approval_and_refuses_duplicates_and_bad_input_without_storing()
    {
        Assert.Equal("EMAIL_VERIFICATION_REQUIRED", LoginState("registerVerification"));
        Assert.Equal("SUCCESS", LoginState("registerVerified"));
        Assert.Equal("emailAlreadyExists", ErrorCode("registerTwice"));
        Assert.Equal(("invalidEmail", "must be a valid email"),
            (ErrorCode("registerInvalidEmail"), Outcome("registerInvalidEmail")["error"]!.GetValue<string>()));
        Assert.Equal("TypeError", Outcome("registerShortPassword")["threw"]!["name"]!.GetValue<string>());
        Assert.Null(run.Result["registerShortPasswordStored"]);
        Assert.Equal("EMAIL_VERIFICATION_REQUIRED", LoginState("registerApprovalVerification"));
        Assert.Equal("OWNER_APPROVAL_REQUIRED", LoginState("registerApprovalAfterCode"));
        Assert.Equal("SUCCESS", LoginState("loginAfterApproval"));
    }

    [Fact]
    public void A_password_reset_mail_carries_a_token_that_sets_a_new_password()
    {
        Assert.Null(Outcome("resetMailSent")["returned"]);
        Assert.Equal("password-reset", Outcome("resetMail")["kind"]!.GetValue<string>());
        Assert.StartsWith("http://localhost:3000/reset-done?recoveryToken=emu-rec-", Outcome("resetMail")["link"]!.GetValue<string>());
        Assert.Equal("SUCCESS", Outcome("recovered")["returned"]!.GetValue<string>());
        Assert.Equal("SUCCESS", LoginState("loginNewPassword"));
        Assert.Equal("invalidPassword", ErrorCode("loginOldPassword"));
        Assert.Contains("IDENTITY_NOT_FOUND", Threw("resetUnknownEmail"));
        Assert.Contains("INVALID_REDIRECT_URL", Threw("resetForeignRedirect"));
    }

    [Fact]
    public void External_login_with_an_api_key_and_with_sign_on_gives_member_tokens_and_refuses_without_permission()
    {
        Assert.Equal(("member", MemberAuthSdk.Jane.Id),
            (Outcome("externalLogin")["role"]!.GetValue<string>(), Outcome("externalLogin")["member"]!.GetValue<string>()));
        Assert.Contains("Forbidden", Threw("externalLoginNoPermission"));
        Assert.Contains("unauthorized_client", Threw("externalLoginNoPermission"));
        Assert.Contains("invalid_client", Threw("externalLoginUnknownKey"));
        Assert.Contains("invalid_grant", Threw("externalLoginUnknownMember"));
        Assert.Equal(MemberAuthSdk.Jane.Id, Outcome("signOn")["member"]!.GetValue<string>());
        Assert.True(Outcome("signOnNewMember")["created"]!["emailVerified"]!.GetValue<bool>());
        Assert.Contains("PERMISSION_DENIED", Threw("signOnNoPermission"));
    }

    [Theory]
    [InlineData("google")]
    [InlineData("facebook")]
    [InlineData("connection")]
    public void Social_login_goes_through_the_provider_page_and_logs_that_account_in(string provider)
    {
        var social = Outcome("social_" + provider);
        Assert.True(social["toProvider"]!.GetValue<bool>());
        Assert.Equal(200, social["providerPage"]!.GetValue<int>());
        Assert.True(social["member"]!.GetValue<bool>());
    }

    [Fact]
    public void Mails_went_to_the_outbox_and_used_tokens_are_gone()
    {
        Assert.True(run.After.Mails >= 4);
        Assert.Equal(0, run.After.RecoveryTokens);
    }
}

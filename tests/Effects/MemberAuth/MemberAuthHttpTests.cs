using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;

namespace Wix.Auth.Effects.Tests.MemberAuth;

/// <summary>
/// Our member-auth requests over real loopback HTTP against the emulator: each call reaches the endpoint, is
/// accepted as sent, and its answer is read into the right reply or failure. No flow logic here: each step is
/// driven by hand, as the core will drive it.
/// </summary>
public sealed class MemberAuthHttpTests : IAsyncLifetime
{
    private static readonly DemoMember Una = new("una@example.com", "Unverified-1", "a11ce000-0000-4000-8000-0000000000a1", "Una", "V", "una", EmailVerified: false);
    private readonly CapturingLoggerProvider logs = new();
    private WixEmulator emu = null!;
    private MemberAuthHttpApi api = null!;
    private WixHttpApi oauth = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            Members = [DemoData.Ada, Una],
            MemberAuth = new MemberAuthOptions { ApiKeys = [new EmulatorApiKey("API-KEY-1", DemoData.ClientId)] },
        });
        var options = new WixAuthOptions { ClientId = DemoData.ClientId, ApiBaseUrl = emu.BaseUrl, MaxRetries = 0 };
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        api = new MemberAuthHttpApi(http, options, factory.CreateLogger<MemberAuthHttpApi>());
        oauth = new WixHttpApi(new HttpClient(), options, factory.CreateLogger<WixHttpApi>());
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emu.DisposeAsync();
    }

    private async Task<Secret> VisitorAsync() =>
        (await oauth.RequestTokensAsync(new WixRequest.AnonymousGrant(DemoData.ClientId), default))
            .Match(t => t.AccessToken, e => throw new Xunit.Sdk.XunitException(e.Code));

    private static T Right<T>(AuthResult<T, IdentityFailure> result) =>
        result.Match(v => v, f => throw new Xunit.Sdk.XunitException($"expected success, got {f.Error.Code}"));

    private static IdentityFailure Left<T>(AuthResult<T, IdentityFailure> result) =>
        result.Match(v => throw new Xunit.Sdk.XunitException($"expected a failure, got {v}"), f => f);

    [Fact]
    public async Task Registration_is_verified_with_the_mailed_code()
    {
        var visitor = await VisitorAsync();
        var profile = new MemberProfile { FirstName = "New", Nickname = "nc", CustomFields = [new CustomField("custom.x", new CustomFieldValue.Number(1))] };

        var registered = Right(await api.SendForStateAsync(new MemberAuthRequest.Register(visitor, "new@example.com", new Secret("Long-enough-1"), profile, None), default));
        var code = emu.Outbox.To("new@example.com").Single().Code!;
        var verified = Right(await api.SendForStateAsync(new MemberAuthRequest.Verify(visitor, new Secret(code), registered.StateToken.IfNone(default(Secret))), default));

        Assert.Equal("REQUIRE_EMAIL_VERIFICATION", registered.State);
        Assert.Equal("SUCCESS", verified.State);
        Assert.True(verified.Identity.Exists(i => i.EmailVerified == true));
    }

    [Fact]
    public async Task Refusals_arrive_as_typed_failures_with_wixs_codes()
    {
        var visitor = await VisitorAsync();

        var wrong = Left(await api.SendForStateAsync(new MemberAuthRequest.Login(visitor, DemoData.Ada.Email, new Secret("nope"), None), default));
        var badEmail = Left(await api.SendForStateAsync(new MemberAuthRequest.Register(visitor, "not-an-email", new Secret("Long-enough-1"), None, None), default));
        var exists = Left(await api.SendForStateAsync(new MemberAuthRequest.Register(visitor, DemoData.Ada.Email, new Secret("Long-enough-1"), None, None), default));

        Assert.Equal(("-19976", 403), (wrong.Error.Code, wrong.Error.HttpStatus.IfNone(0)));
        Assert.StartsWith("emu-", wrong.Error.RequestId.IfNone(""));
        Assert.Equal((IdentityFailure.ValidationError, "loginId.email", "EMAIL"),
            (badEmail.Error.Code, badEmail.Field.IfNone(""), badEmail.DataType.IfNone("")));
        Assert.Equal("-19995", exists.Error.Code);
    }

    [Fact]
    public async Task A_password_reset_goes_from_mail_to_a_new_password()
    {
        var visitor = await VisitorAsync();

        var sent = await api.SendRecoveryEmailAsync(new MemberAuthRequest.SendRecoveryEmail(visitor, DemoData.Ada.Email, "http://localhost:5000/reset", DemoData.ClientId), default);
        var token = emu.Outbox.To(DemoData.Ada.Email).Single().RecoveryToken!;
        var recovered = Right(await api.SendForStateAsync(new MemberAuthRequest.Recover(visitor, new Secret(token), new Secret("New-password-1")), default));
        var login = Right(await api.SendForStateAsync(new MemberAuthRequest.Login(visitor, DemoData.Ada.Email, new Secret("New-password-1"), None), default));

        Assert.True(sent.IsSuccess);
        Assert.Equal(("SUCCESS", "SUCCESS"), (recovered.State, login.State));
    }

    [Fact]
    public async Task External_login_with_the_api_key_and_with_sign_on_gives_member_tokens()
    {
        var visitor = await VisitorAsync();
        var key = new Secret("API-KEY-1");

        var direct = await api.RequestTokensAsync(new MemberAuthRequest.ExternalLogin(None, key, DemoData.Ada.Id), default);
        var signOn = Right(await api.SignOnAsync(new MemberAuthRequest.SignOn(visitor, key, DemoData.Ada.Email, None, None, None), default));
        var withSession = await api.RequestTokensAsync(new MemberAuthRequest.ExternalLoginWithSession(visitor, key, signOn.Identity.MemberId, signOn.SessionToken), default);
        var replayed = await api.RequestTokensAsync(new MemberAuthRequest.ExternalLoginWithSession(visitor, key, signOn.Identity.MemberId, signOn.SessionToken), default);

        Assert.True(direct.IsSuccess);
        Assert.Equal(DemoData.Ada.Id, signOn.Identity.MemberId);
        Assert.True(withSession.IsSuccess);
        Assert.Equal("invalid_grant", replayed.Match(_ => "", e => e.Code));
    }

    [Fact]
    public async Task Nothing_secret_reaches_the_log()
    {
        var visitor = await VisitorAsync();
        await api.SendForStateAsync(new MemberAuthRequest.Login(visitor, DemoData.Ada.Email, new Secret(DemoData.Ada.Password), None), default);
        await api.RequestTokensAsync(new MemberAuthRequest.ExternalLogin(visitor, new Secret("API-KEY-1"), DemoData.Ada.Id), default);

        var logged = string.Join('\n', logs.Lines);
        Assert.Contains("Login", logged);
        Assert.DoesNotContain(DemoData.Ada.Password, logged);
        Assert.DoesNotContain("API-KEY-1", logged);
        Assert.DoesNotContain(visitor.Reveal(), logged);
    }
}

using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.MemberAuth;

/// <summary>
/// The ways from the site's own form, a social provider or a trusted back end to member tokens, through the façade
/// over loopback against the emulator: the session token and the provider go through the login flow and its callback
/// like any login; external login vouches with an API key that is sent to Wix's token and Sign On endpoints only.
/// </summary>
public sealed class MemberLoginPathsTests : IAsyncLifetime
{
    private const string ApiKey = "API-KEY-secret-7";
    private readonly HeaderRecorder recorder = new();
    private Harness h = null!;
    private MemberAuthClient forms = null!;
    private ExternalLoginClient external = null!;
    private HttpClient browser = null!;

    public async Task InitializeAsync()
    {
        h = await StartAsync(e => e with { MemberAuth = new MemberAuthOptions { ApiKeys = [new EmulatorApiKey(ApiKey, DemoData.ClientId)] } });
        var api = new MemberAuthHttpApi(new HttpClient(recorder), h.Options, h.LoggerFactory.CreateLogger<MemberAuthHttpApi>());
        forms = new MemberAuthClient(h.Client, api: api, logger: h.LoggerFactory.CreateLogger<MemberAuthClient>());
        external = new ExternalLoginClient(h.Client, api, h.Time);
        browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await h.DisposeAsync();
    }

    [Fact]
    public async Task The_forms_session_token_becomes_member_tokens_through_a_silent_query_login_and_the_ordinary_callback()
    {
        var loggedIn = Assert.IsType<MemberAuthStep.LoggedIn>((await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password)).Value);
        var data = h.NewOAuthData();

        var authUrl = Right(await h.Client.GetAuthUrlAsync(data, loggedIn));
        using var answer = await browser.GetAsync(authUrl);
        var callback = answer.Headers.Location!.ToString();
        var login = Right(await h.Client.CompleteLoginAsync(callback, data, ResponseMode.Query));

        Assert.StartsWith(RedirectUri + "?", callback);
        Assert.True(await h.Client.LoggedInAsync());
        Assert.Equal(login.Tokens, await h.Client.GetTokensAsync());
        Assert.Equal((DemoData.Ada.Id, login.Tokens.AccessToken.ExpiresAt), (login.MemberId, login.ExpiresAt));
        var session = h.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession)[^1].Body!["auth"]!;
        Assert.Equal(("none", "query", "***"), (session["prompt"]!.GetValue<string>(), session["authRequest"]!["responseMode"]!.GetValue<string>(),
            session["authRequest"]!["sessionToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_spent_session_token_ends_the_login_with_wixs_login_required()
    {
        var loggedIn = Assert.IsType<MemberAuthStep.LoggedIn>((await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password)).Value);
        var first = h.NewOAuthData();
        using (await browser.GetAsync(Right(await h.Client.GetAuthUrlAsync(first, loggedIn)))) { }
        var second = h.NewOAuthData();

        using var answer = await browser.GetAsync(Right(await h.Client.GetAuthUrlAsync(second, loggedIn)));
        var error = Left(await h.Client.CompleteLoginAsync(answer.Headers.Location!.ToString(), second, ResponseMode.Query));

        Assert.Equal("login_required", Assert.IsType<Core.Errors.AuthError.AuthorizationDenied>(error).Error);
        Assert.False(await h.Client.LoggedInAsync());
    }

    [Fact]
    public async Task Continue_with_google_goes_to_the_providers_page_and_back_to_the_callback_as_a_member()
    {
        var data = h.NewOAuthData();
        var authUrl = Right(await h.Client.GetAuthUrlAsync(data, IdentityProvider.Google, ResponseMode.Query));

        using var toProvider = await browser.GetAsync(authUrl);
        var providerPage = new Uri(new Uri(authUrl), toProvider.Headers.Location!);
        using var chosen = await browser.PostAsync(providerPage,
            new FormUrlEncodedContent([new("email", DemoData.Ada.Email), new("name", ""), new("action", "continue")]));
        var tokens = Right(await h.Client.CompleteLoginAsync(chosen.Headers.Location!.ToString(), data, ResponseMode.Query)).Tokens;

        Assert.Equal("/_idp/authorize", providerPage.AbsolutePath);
        Assert.Equal(IdentityProvider.Google.Id, h.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession)[^1].Body!["auth"]!["authRequest"]!["idp"]!.GetValue<string>());
        Assert.True(await h.Client.LoggedInAsync());
        Assert.False(tokens.AccessToken.Value.IsEmpty);
    }

    [Fact]
    public async Task External_login_makes_the_named_member_this_sessions_member()
    {
        var login = (await external.GetMemberTokensAsync(DemoData.Ada.Id, new WixApiKey(ApiKey))).Value;

        Assert.Equal(DemoData.Ada.Id, login.MemberId);
        Assert.Equal(login.Tokens, await h.Client.GetTokensAsync());
        Assert.True(await h.Client.LoggedInAsync());
    }

    [Fact]
    public async Task Token_info_names_the_member_of_a_login_on_wixs_page_and_no_one_for_a_visitor()
    {
        var member = await forms.GetMemberIdentityAsync(await h.LogInAsync(DemoData.Alan));
        var visitor = await forms.GetMemberIdentityAsync((await h.NewClient("visitor").GenerateVisitorTokensAsync()).Value);

        Assert.Equal(DemoData.Alan.Id, member.Value.MemberId);
        Assert.Equal("expired", visitor.Error?.Code);
    }

    [Fact]
    public async Task External_login_with_sign_on_finds_the_member_by_email()
    {
        var login = (await external.GetMemberTokensWithSessionAsync(DemoData.Ada.Email, new WixApiKey(ApiKey))).Value;

        Assert.Equal(DemoData.Ada.Id, login.MemberId);
        Assert.True(await h.Client.LoggedInAsync());
    }

    [Fact]
    public async Task External_login_by_member_id_renews_the_sessions_stale_token_first_and_sends_the_renewed_one()
    {
        var stale = await h.LogInAsync(DemoData.Alan);
        h.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));   // expired at Wix too

        var login = await external.GetMemberTokensAsync(DemoData.Ada.Id, new WixApiKey(ApiKey));

        Assert.True(login.IsSuccess, login.Error?.Code);
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
        Assert.All(TokensSentTo("/oauth2/token"), sent => Assert.NotEqual(stale.AccessToken.Value.Reveal(), sent));
        Assert.Equal(login.Value.Tokens, await h.Client.GetTokensAsync());
        Assert.Equal(Core.Credentials.TokenRole.Member, login.Value.Tokens.Role);
    }

    [Fact]
    public async Task External_login_with_sign_on_renews_the_sessions_stale_token_first_and_sends_the_renewed_one()
    {
        var stale = await h.LogInAsync(DemoData.Alan);
        h.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        var login = await external.GetMemberTokensWithSessionAsync(DemoData.Ada.Email, new WixApiKey(ApiKey));

        Assert.True(login.IsSuccess, login.Error?.Code);
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
        var sent = TokensSentTo("/_api/iam/authentication/v2/sign-on").Concat(TokensSentTo("/oauth2/token")).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, token => Assert.NotEqual(stale.AccessToken.Value.Reveal(), token));
        Assert.Equal(DemoData.Ada.Id, login.Value.MemberId);
        Assert.Equal(login.Value.Tokens, await h.Client.GetTokensAsync());
    }

    // The access tokens that went before the API key in Authorization to this path; each must be there.
    private IEnumerable<string> TokensSentTo(string path) =>
        recorder.Seen.Where(s => s.Path == path).Select(s => s.Authorization?.Split(',')[0] ?? "").Select(token =>
        {
            Assert.NotEqual("", token);
            return token;
        }).ToList();

    [Theory]
    [InlineData("wrong-key", "a11ce000-0000-4000-8000-000000000001", "permission_denied")]
    [InlineData("", "m", "invalid_field")]
    [InlineData("with,comma", "m", "invalid_field")]
    [InlineData(ApiKey, "", "invalid_field")]
    public async Task A_refused_external_login_is_a_typed_error_and_logs_no_one_in(string key, string memberId, string code)
    {
        var result = await external.GetMemberTokensAsync(memberId, new WixApiKey(key));

        Assert.Equal(code, result.Error?.Code);
        Assert.False(await h.Client.LoggedInAsync());
    }

    [Fact]
    public async Task The_api_key_goes_only_to_wixs_token_and_sign_on_endpoints_and_is_never_printed_or_logged()
    {
        var key = new WixApiKey(ApiKey);
        await external.GetMemberTokensWithSessionAsync(DemoData.Ada.Email, key);
        await external.GetMemberTokensAsync(DemoData.Ada.Id, key);
        await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password);

        var carrying = recorder.Seen.Where(s => s.Authorization?.Contains(ApiKey, StringComparison.Ordinal) == true).Select(s => s.Path).Distinct().Order();
        Assert.Equal(["/_api/iam/authentication/v2/sign-on", "/oauth2/token"], carrying);
        Assert.All(recorder.Seen.Where(s => s.Path != "/oauth2/token" && s.Path != "/_api/iam/authentication/v2/sign-on"),
            s => Assert.DoesNotContain(ApiKey, s.Authorization ?? ""));
        Assert.Equal("***", key.ToString());
        Assert.DoesNotContain(ApiKey, $"{key}");
        Assert.DoesNotContain(ApiKey, string.Join('\n', h.Logs.Lines));
    }

    /// <summary>Notes each request's path and Authorization header on its way out.</summary>
    private sealed class HeaderRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<(string Path, string? Authorization)> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Seen)
                Seen.Add((request.RequestUri!.AbsolutePath,
                    request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

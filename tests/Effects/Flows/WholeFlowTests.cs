using System.Net;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>Whole logins against the emulator over loopback HTTP, as a host would run them.</summary>
public sealed class WholeFlowTests
{
    [Theory]
    [InlineData(ResponseMode.Fragment)]
    [InlineData(ResponseMode.Query)]
    public async Task A_member_logs_in_and_calls_an_api_on_their_behalf(ResponseMode mode)
    {
        await using var h = await StartAsync();
        var data = h.NewOAuthData();

        var authUrl = Right(await h.Client.GetAuthUrlAsync(data, responseMode: mode));
        Assert.StartsWith(h.Emulator.BaseUrl.ToString(), authUrl);
        var callback = await h.Browser.SignInAsync(authUrl, DemoData.Ada.Email, DemoData.Ada.Password);
        Assert.Equal(mode == ResponseMode.Fragment, callback.Fragment.Contains("code="));
        var parsed = Assert.IsType<CallbackParams.Granted>(Right(h.Client.ParseFromUrl(callback.ToString(), mode)));
        Assert.Equal(data.State, parsed.State);

        var member = Right(await h.Client.GetMemberTokensAsync(parsed.Code.Reveal(), parsed.State, data));
        Assert.Equal(TokenRole.Member, member.Role);
        Assert.True(await h.Client.LoggedInAsync());
        Assert.Equal(h.Time.GetUtcNow().ToUnixTimeSeconds() + 14_400, member.AccessToken.ExpiresAt.ToUnixTimeSeconds());

        using var api = new HttpClient(new WixAuthHandler(h.Client) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = h.Emulator.BaseUrl };
        var me = await api.GetStringAsync("/members/v1/members/my");
        Assert.Contains(DemoData.Ada.Email, me);
    }

    [Fact]
    public async Task Silent_login_succeeds_with_a_wix_session_and_reports_login_required_without_one()
    {
        await using var h = await StartAsync();
        await h.LogInAsync();
        Right(await h.Client.LogoutAsync(PostLogoutUrl)); // local logout only; the browser keeps its emulator session

        var data = h.NewOAuthData();
        var silent = await h.Browser.FollowAsync(Right(await h.Client.GetAuthUrlAsync(data, Prompt.None, ResponseMode.Query)));
        Right(await h.Client.GetMemberTokensAsync(Right(h.Client.ParseFromUrl(silent.ToString(), ResponseMode.Query)), data.State));

        await using var fresh = await StartAsync();
        var other = fresh.NewOAuthData();
        var refused = await fresh.Browser.FollowAsync(Right(await fresh.Client.GetAuthUrlAsync(other, Prompt.None, ResponseMode.Query)));
        var error = Left(await fresh.Client.GetMemberTokensAsync(Right(fresh.Client.ParseFromUrl(refused.ToString(), ResponseMode.Query)), other.State));
        Assert.Equal("login_required", Assert.IsType<AuthError.AuthorizationDenied>(error).Error);
    }

    [Fact]
    public async Task Logout_clears_the_tokens_and_wix_logout_url_returns_to_the_site()
    {
        await using var h = await StartAsync();
        await h.LogInAsync();

        var logoutUrl = Right(await h.Client.LogoutAsync(PostLogoutUrl));
        Assert.StartsWith(h.Emulator.BaseUrl.ToString(), logoutUrl);
        Assert.True((await h.Client.GetTokensAsync()) is null);
        Assert.Equal(new Uri(PostLogoutUrl), await h.Browser.FollowAsync(logoutUrl));

        // The emulator session is over: a silent login now needs the login page.
        var data = h.NewOAuthData();
        var silent = await h.Browser.FollowAsync(Right(await h.Client.GetAuthUrlAsync(data, Prompt.None, ResponseMode.Query)));
        Assert.Contains("error=login_required", silent.Query);
    }

    [Fact]
    public async Task Logout_with_an_expired_member_token_renews_it_so_wix_can_end_its_session()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        await h.LogInAsync();
        h.Time.Advance(TimeSpan.FromMinutes(6));

        var logoutUrl = Right(await h.Client.LogoutAsync(PostLogoutUrl));

        Assert.StartsWith(h.Emulator.BaseUrl.ToString(), logoutUrl);
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
        Assert.Equal(200, h.Emulator.RequestLog.For(EmulatorEndpoint.RedirectSession).Last().Status);
        Assert.True((await h.Client.GetTokensAsync()) is null);
        Assert.Equal(new Uri(PostLogoutUrl), await h.Browser.FollowAsync(logoutUrl));
    }

    [Fact]
    public async Task Tokens_are_refreshed_before_they_expire_and_the_api_call_uses_the_new_one()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromSeconds(120) });
        var first = await h.LogInAsync();
        using var api = new HttpClient(new WixAuthHandler(h.Client) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = h.Emulator.BaseUrl };

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/members/v1/members/my")).StatusCode);
        Assert.Equal(0, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));

        h.Time.Advance(TimeSpan.FromSeconds(61)); // inside the 60 s margin, not yet expired at Wix
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/members/v1/members/my")).StatusCode);
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
        var renewed = await h.Client.GetTokensAsync() ?? throw new Xunit.Sdk.XunitException("no tokens");
        Assert.NotEqual(first.AccessToken.Value, renewed.AccessToken.Value);
        Assert.Equal(first.RefreshToken.Value, renewed.RefreshToken.Value); // no rotation: the old refresh token stays
    }

    [Fact]
    public async Task A_rotated_refresh_token_is_stored_and_the_old_one_is_dead()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromSeconds(120), RotateRefreshTokens = true });
        var first = await h.LogInAsync();

        h.Time.Advance(TimeSpan.FromSeconds(90));
        var second = Right(await h.Client.RenewTokenAsync());
        Assert.NotEqual(first.RefreshToken.Value, second.RefreshToken.Value);
        h.Time.Advance(TimeSpan.FromSeconds(90));
        var third = Right(await h.Client.RenewTokenAsync());
        Assert.NotEqual(second.RefreshToken.Value, third.RefreshToken.Value);

        // Had the client kept the first refresh token, Wix would now refuse it, and the member would be told.
        await h.Client.SetTokensAsync(first);
        h.Time.Advance(TimeSpan.FromSeconds(200));
        var error = Left(await h.Client.RenewTokenAsync());
        Assert.Equal("refresh_rejected", error.Code);
        Assert.True((await h.Client.GetTokensAsync()) is null); // never turned into a visitor
        // The session's stored state says so to every later caller, on any instance: no event to miss.
        Assert.Equal(error, Left(await h.NewClient().GetAccessTokenAsync()));
    }

    [Fact]
    public async Task A_login_started_by_one_client_completes_on_another_sharing_the_stores()
    {
        await using var h = await StartAsync();
        var data = h.NewOAuthData();
        var callback = await h.Browser.SignInAsync(Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Alan.Email, DemoData.Alan.Password);

        var other = h.NewClient();
        Right(await other.GetMemberTokensAsync(Right(other.ParseFromUrl(callback.ToString(), ResponseMode.Query)), data.State));
        Assert.True(await h.Client.LoggedInAsync());
    }

    [Fact]
    public async Task Visitor_tokens_on_request_and_reused_for_the_login()
    {
        await using var h = await StartAsync();
        var visitor = Right(await h.Client.GenerateVisitorTokensAsync());
        Assert.Equal(TokenRole.Visitor, visitor.Role);
        Right(await h.Client.GetAuthUrlAsync(h.NewOAuthData()));
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "anonymous"));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Handler;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Storage;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Testing;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>The README's quickstart, line for line, against the emulator: if it stops compiling or working, this fails.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task The_readme_quickstart_logs_a_member_in_and_out()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var browser = new EmulatorBrowser();

        var options = new WixAuthOptions { ClientId = DemoData.ClientId, ApiBaseUrl = emulator.BaseUrl };
        var client = new WixAuthClient(options,
            new WixHttpApi(new HttpClient(), options, NullLogger<WixHttpApi>.Instance),
            new InMemoryPendingLoginStore(TimeProvider.System), new InMemoryTokenStore());

        var oauthData = client.GenerateOAuthData("http://localhost:3000/callback", "http://localhost:3000/cart")
            .Match(d => d, errors => throw new ArgumentException(errors.Head.Message));
        var authUrl = await client.GetAuthUrlAsync(oauthData, Prompt.Login, ResponseMode.Query);

        var callbackUrl = (await browser.SignInAsync(authUrl.IfLeft(""), DemoData.Ada.Email, DemoData.Ada.Password)).ToString();
        var tokens = await client.ParseFromUrl(callbackUrl, ResponseMode.Query).MatchAsync(
            callback => client.GetMemberTokensAsync(callback, oauthData.State),
            error => Left<AuthError, TokenPair>(error));
        Assert.True(tokens.IsRight);

        var wixApi = new HttpClient(new WixAuthHandler(client) { InnerHandler = new HttpClientHandler() }) { BaseAddress = emulator.BaseUrl };
        Assert.Contains("Ada", await wixApi.GetStringAsync("/members/v1/members/my"));

        var logoutUrl = await client.LogoutAsync("http://localhost:3000/");
        Assert.True(logoutUrl.IsRight);
        Assert.False(await client.LoggedInAsync());
    }
}

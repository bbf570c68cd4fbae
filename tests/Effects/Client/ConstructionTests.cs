using Microsoft.Extensions.Options;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Testing;

namespace Wix.Auth.Effects.Tests.Client;

public sealed class ConstructionTests
{
    [Fact]
    public void Invalid_options_throw_at_construction_listing_every_problem()
    {
        var options = new WixAuthOptions { ClientId = "", MaxRetries = 99, RefreshMargin = TimeSpan.FromSeconds(-1) };
        options.AllowedRedirectOrigins.Add("not an origin");
        var error = Assert.Throws<OptionsValidationException>(() => new WixAuthClient(options));
        Assert.Contains(error.Failures, f => f.Contains("ClientId"));
        Assert.Contains(error.Failures, f => f.Contains("MaxRetries"));
        Assert.Contains(error.Failures, f => f.Contains("refresh margin"));
        Assert.Contains(error.Failures, f => f.Contains("not an origin"));
    }

    [Fact]
    public void A_redirect_uri_that_is_not_absolute_is_a_programming_error()
    {
        var client = new WixAuthClient(new WixAuthOptions { ClientId = "id" });
        Assert.Throws<ArgumentException>(() => client.GenerateOAuthData("/callback"));
        Assert.Contains("WixAuthOptions.RedirectUri", Assert.Throws<ArgumentException>(() => client.GenerateOAuthData()).Message);
        Assert.Contains("WixAuthOptions.PostLogoutRedirectUri", Assert.Throws<ArgumentException>(() => { _ = client.LogoutAsync(); }).Message);
    }

    [Fact]
    public async Task The_redirect_and_post_logout_uris_are_set_once_in_the_options_and_a_call_may_name_others()
    {
        var client = new WixAuthClient(new WixAuthOptions
        {
            ClientId = "id", RedirectUri = "https://shop.example/callback", PostLogoutRedirectUri = "https://shop.example/bye",
        });

        var data = client.GenerateOAuthData(originalUri: "/cart");
        Assert.Equal(("https://shop.example/callback", "/cart"), (data.RedirectUri, data.OriginalUri));
        Assert.Equal("myapp://cb", client.GenerateOAuthData("myapp://cb").RedirectUri);
        // Without a member, a logout answers its page itself: the options' one, or the one the call names (on the redirect URI's origin).
        Assert.Equal("https://shop.example/bye", (await client.LogoutAsync()).Value);
        Assert.Equal("https://shop.example/other", (await client.LogoutAsync("https://shop.example/other")).Value);
    }

    [Fact]
    public void Redirect_and_post_logout_uris_in_the_options_are_checked_at_construction()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new WixAuthClient(new WixAuthOptions
        {
            ClientId = "id", RedirectUri = "/callback", PostLogoutRedirectUri = "https://evil.example/",
        }));
        Assert.Contains(error.Failures, f => f.StartsWith("RedirectUri", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("PostLogoutRedirectUri", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_from_options_alone_logs_in_and_a_named_port_replaces_its_default()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var browser = new EmulatorBrowser();
        var tokens = new InMemorySessionStore();
        var client = new WixAuthClient(new WixAuthOptions { ClientId = DemoData.ClientId, ApiBaseUrl = emulator.BaseUrl }, tokens: tokens);

        var data = client.GenerateOAuthData("http://localhost:3000/callback");
        var authUrl = await client.GetAuthUrlAsync(data);
        var callback = await browser.SignInAsync(authUrl.Value, DemoData.Ada.Email, DemoData.Ada.Password);
        var (member, error) = await client.CompleteLoginAsync(callback.ToString(), data);

        Assert.Null(error);
        Assert.Equal(member!.Tokens, await client.GetTokensAsync());
        Assert.NotNull(await tokens.GetAsync(WixAuthClient.DefaultSessionKey, default)); // the named store holds the session
    }

    [Fact]
    public async Task Expected_failures_are_results_not_exceptions()
    {
        var client = new WixAuthClient(new WixAuthOptions { ClientId = "id" });
        var data = client.GenerateOAuthData("http://localhost:3000/callback");
        Assert.Equal("invalid_url", (await client.CompleteLoginAsync("not a url", data)).Error?.Code);
        Assert.Equal("no_pending_login", (await client.CompleteLoginAsync($"http://localhost:3000/callback?code=c&state={data.State}", data, Core.Protocol.ResponseMode.Query)).Error?.Code);
    }
}

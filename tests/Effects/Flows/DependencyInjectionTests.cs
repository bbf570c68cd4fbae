using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Testing;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void Invalid_options_are_refused_with_every_reason()
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddWixAuth(o => { o.ClientId = ""; o.RefreshMargin = TimeSpan.FromSeconds(-1); o.AllowedRedirectOrigins.Add("not an origin"); })
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WixAuthOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("ClientId"));
        Assert.Contains(error.Failures, f => f.Contains("refresh margin"));
        Assert.Contains(error.Failures, f => f.Contains("not an origin"));
    }

    [Fact]
    public async Task A_redirect_from_Wix_is_an_answer_not_a_request_sent_on()
    {
        // A "Wix" that sends every request on to the real emulator with 307, which would keep the POST and its body.
        await using var emulator = await WixEmulator.StartAsync();
        var port = FreePort();
        using var redirector = new System.Net.HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        redirector.Start();
        var serving = Task.Run(async () =>
        {
            while (redirector.IsListening)
            {
                var context = await redirector.GetContextAsync();
                context.Response.StatusCode = 307;
                context.Response.RedirectLocation = new Uri(emulator.BaseUrl, context.Request.Url!.AbsolutePath).ToString();
                context.Response.Close();
            }
        });
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(o => { o.ClientId = DemoData.ClientId; o.ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/"); o.MaxRetries = 0; }).AddSingleUserSession();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<WixAuthClient>();

        var url = await client.GetAuthUrlAsync(client.GenerateOAuthData("http://localhost:3000/callback"));

        Assert.False(url.IsSuccess);
        Assert.Empty(emulator.RequestLog.Entries);
        redirector.Stop();
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_registered_client_logs_in_and_the_apps_own_http_client_carries_the_member_token()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var browser = new EmulatorBrowser();
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(o => { o.ClientId = DemoData.ClientId; o.ApiBaseUrl = emulator.BaseUrl; }).AddSingleUserSession();
        services.AddHttpClient("wix", c => c.BaseAddress = emulator.BaseUrl).AddWixMemberTokens();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        await using (var scope = provider.CreateAsyncScope())
        {
            var client = scope.ServiceProvider.GetRequiredService<WixAuthClient>();
            var data = client.GenerateOAuthData("http://localhost:3000/callback");
            var callback = await browser.SignInAsync(Right(await client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Alan.Email, DemoData.Alan.Password);
            Right(await client.GetMemberTokensAsync(Right(client.ParseFromUrl(callback.ToString(), ResponseMode.Query)), data.State));
        }

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("wix");
        Assert.Contains(DemoData.Alan.Email, await http.GetStringAsync("/members/v1/members/my"));
        var calls = emulator.RequestLog.For(EmulatorEndpoint.Members);
        Assert.Equal(AuthorizationKind.Bare, Assert.Single(calls).Authorization);
    }
}

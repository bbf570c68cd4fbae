using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wix.Auth.AspNetCore;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>What the registration calls promise.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void MapWixAuth_without_the_web_registration_says_what_is_missing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddWixAuth(o => o.ClientId = "id");
        using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapWixAuth());
        Assert.Contains("AddAspNetCore()", error.Message);
    }

    [Fact]
    public async Task A_web_site_that_has_not_chosen_whose_session_a_client_serves_fails_at_start_up_naming_the_fix()
    {
        // The dangerous registration: a site that injects WixAuthClient without the web host would give every visitor one session.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddWixAuth(o => o.ClientId = "id");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(".AddAspNetCore()", error.Message);
        Assert.Contains(".AddSingleUserSession()", error.Message);
    }

    [Fact]
    public void AddWixAuth_binds_every_option_from_a_configuration_section_and_code_may_add_to_it()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wix:ClientId"] = "from-config",
            ["Wix:ApiBaseUrl"] = "http://127.0.0.1:5099",
            ["Wix:RedirectUri"] = "https://shop.example/callback",
            ["Wix:PostLogoutRedirectUri"] = "https://shop.example/bye",
            ["Wix:AllowedRedirectOrigins:0"] = "https://blog.example",
            ["Wix:ExpectedIssuer"] = "https://www.wixapis.com/oauth2",
            ["Wix:PendingLoginTtl"] = "00:05:00",
            ["Wix:RefreshMargin"] = "00:00:30",
            ["Wix:AttemptTimeout"] = "00:00:04",
            ["Wix:MaxRetries"] = "2",
            ["Wix:RetryBaseDelay"] = "00:00:00.100",
            ["Wix:MaxRetryDelay"] = "00:00:10",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(configuration.GetSection("Wix"), o => o.AllowedRedirectOrigins.Add("https://shop.example")).AddSingleUserSession();
        using var provider = services.BuildServiceProvider();

        var o = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WixAuthOptions>>().Value;

        Assert.Equal(("from-config", new Uri("http://127.0.0.1:5099"), "https://shop.example/callback", "https://shop.example/bye", "https://www.wixapis.com/oauth2"),
            (o.ClientId, o.ApiBaseUrl, o.RedirectUri, o.PostLogoutRedirectUri, o.ExpectedIssuer));
        Assert.Equal(["https://blog.example", "https://shop.example"], o.AllowedRedirectOrigins);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(4), 2, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)),
            (o.PendingLoginTtl, o.RefreshMargin, o.AttemptTimeout, o.MaxRetries, o.RetryBaseDelay, o.MaxRetryDelay));
    }

    [Fact]
    public async Task A_client_resolved_without_a_host_choice_is_refused_and_one_made_after_it_serves_the_single_session()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(o => o.ClientId = "id");
        await using (var provider = services.BuildServiceProvider())
        {
            await using var scope = provider.CreateAsyncScope();
            var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => scope.ServiceProvider.GetRequiredService<WixAuthClient>());
            Assert.Contains(".AddSingleUserSession()", error.Message);
        }

        services.AddWixAuth(o => o.ClientId = "id").AddSingleUserSession();
        await using (var provider = services.BuildServiceProvider())
        {
            await using var scope = provider.CreateAsyncScope();
            Assert.Equal(WixAuthClient.DefaultSessionKey, scope.ServiceProvider.GetRequiredService<WixAuthClient>().SessionKey);
        }
    }

    [Fact]
    public async Task The_web_registration_makes_members_the_default_scheme_and_the_cookie_the_session()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(o => o.ClientId = "id").AddAspNetCore();
        await using var provider = services.BuildServiceProvider();
        var schemes = provider.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(WixMemberDefaults.AuthenticationScheme, (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);
        Assert.IsNotType<SingleSessionKey>(provider.GetRequiredService<IWixSessionKeyProvider>());
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public void A_default_return_path_that_is_not_local_is_refused_at_start(string path)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(o => o.ClientId = "id").AddAspNetCore(web => web.DefaultReturnPath = path);
        using var provider = services.BuildServiceProvider();
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WixAuthWebOptions>>().Value);
    }

    [Fact]
    public async Task Sessions_in_memory_end_after_the_sites_idle_timeout_and_a_store_the_site_chose_is_kept()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddWixAuth(o => o.ClientId = "id").AddAspNetCore(web => web.SessionIdleTimeout = TimeSpan.FromMinutes(30));
        await using (var provider = services.BuildServiceProvider())
        {
            var sessions = provider.GetRequiredService<ISessionStore>();
            await sessions.SetAsync("member", Core.Flow.LoginState.Initial, default);
            time.Advance(TimeSpan.FromMinutes(30));
            Assert.NotNull(await sessions.GetAsync("member", default));
            time.Advance(TimeSpan.FromMinutes(31));
            Assert.Null(await sessions.GetAsync("member", default));
        }

        var own = new InMemorySessionStore();
        var chosen = new ServiceCollection().AddLogging().AddSingleton<ISessionStore>(own);
        chosen.AddWixAuth(o => o.ClientId = "id").AddAspNetCore();
        await using var withOwn = chosen.BuildServiceProvider();
        Assert.Same(own, withOwn.GetRequiredService<ISessionStore>());
    }
}

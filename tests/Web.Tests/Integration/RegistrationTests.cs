using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Wix.Auth.AspNetCore;
using Wix.Auth.AspNetCore.Authentication;
using Wix.Auth.Effects.DependencyInjection;

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
}

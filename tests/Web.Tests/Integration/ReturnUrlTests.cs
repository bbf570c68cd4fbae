using Wix.Auth.Core.Urls;
using static LanguageExt.Prelude;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// After login the member goes to <c>returnUrl</c> only when the core's one policy accepts it — local, this site, or an allowed
/// origin: no open redirect — and always in a form Kestrel can put in a <c>Location</c> header.
/// </summary>
public sealed class ReturnUrlTests
{
    private static readonly string[] HostileUrls =
    [
        "https://evil.example/",
        "http://127.0.0.1.evil.example/",
        "//evil.example",
        "//evil.example/path",
        "/\\evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "\\/evil.example",
        "%2F%2Fevil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "%252F%252Fevil.example",
        "https:evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "evil.example",
        "",
    ];

    public static TheoryData<string> Hostile => new(HostileUrls);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_return_urls_are_refused(string returnUrl) =>
        Assert.True(ReturnUrl.Check(returnUrl, "http://127.0.0.1:5000/auth/callback", Seq1("https://shop.example")).IsLeft, returnUrl);

    [Theory]
    [InlineData("/")]
    [InlineData("/account")]
    [InlineData("/search?q=a%20b&page=2")]
    [InlineData("/a/b#section")]
    [InlineData("https://shop.example")]
    [InlineData("https://shop.example/cart")]
    public void Local_paths_and_allowed_origins_are_accepted(string returnUrl) =>
        Assert.Equal(returnUrl, ReturnUrl.Check(returnUrl, "http://127.0.0.1:5000/auth/callback", Seq1("https://shop.example")).IfLeft(e => e.Code));

    [Fact]
    public void An_allowed_origin_is_matched_exactly_not_as_a_prefix() =>
        Assert.True(ReturnUrl.Check("https://shop.example.evil/", "http://127.0.0.1:5000/auth/callback", Seq1("https://shop.example")).IsLeft);

    [Fact]
    public async Task After_login_every_hostile_return_url_lands_on_the_home_page()
    {
        await using var site = await TestSite.StartAsync();
        foreach (var returnUrl in HostileUrls.Where(u => u.Length > 0))
        {
            using var browser = new SiteBrowser();
            using var callback = await browser.LogInAsync(site.Url, DemoData.Ada, returnUrl);
            Assert.Equal("/", SiteBrowser.Redirected(callback).AbsolutePath);
            Assert.Equal(site.Url.Authority, SiteBrowser.Redirected(callback).Authority);
            Assert.Equal("/", callback.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_return_url_with_spaces_and_non_ascii_letters_arrives_percent_encoded()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using var callback = await browser.LogInAsync(site.Url, DemoData.Ada, "/caf\u00e9 menu?q=\u00fc");
        Assert.Equal("/caf%C3%A9%20menu?q=%C3%BC", callback.Headers.Location!.OriginalString);
    }
}

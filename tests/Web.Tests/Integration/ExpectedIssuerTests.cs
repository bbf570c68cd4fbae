using System.Net;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// With <c>ExpectedIssuer</c> set (RFC 9207), both callback endpoints hand the core the callback's <c>iss</c>: a callback
/// that carries it completes the login; one without it is refused. The emulator
/// sends no <c>iss</c> (whether Wix does is unknown, docs/protocol.md), so the test adds it as Wix would.
/// </summary>
public sealed class ExpectedIssuerTests
{
    private const string Issuer = "https://issuer.wix.example";

    [Fact]
    public async Task The_query_callback_passes_iss_to_the_core()
    {
        await using var site = await StartAsync(ResponseMode.Query);
        using var other = new SiteBrowser();
        using var browser = new SiteBrowser();

        using var without = await other.GetAsync(await CallbackAsync(other, site));
        using var with = await browser.GetAsync(new Uri((await CallbackAsync(browser, site)).AbsoluteUri + "&iss=" + Uri.EscapeDataString(Issuer)));

        Assert.Equal("issuer_mismatch", SiteBrowser.ErrorCode(await without.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Found, with.StatusCode);
        Assert.Equal("/account", with.Headers.Location!.OriginalString);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
    }

    [Fact]
    public async Task The_fragment_callback_passes_iss_to_the_core()
    {
        await using var site = await StartAsync(ResponseMode.Fragment);
        using var other = new SiteBrowser();
        using var browser = new SiteBrowser();
        var refused = await CallbackAsync(other, site);
        var callback = await CallbackAsync(browser, site);

        using var without = await PostFragmentAsync(other, refused, refused.Fragment);
        using var with = await PostFragmentAsync(browser, callback, callback.Fragment + "&iss=" + Uri.EscapeDataString(Issuer));

        Assert.Equal("issuer_mismatch", SiteBrowser.ErrorCode(await without.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Found, with.StatusCode);
        Assert.Equal("/account", with.Headers.Location!.OriginalString);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
    }

    private static Task<TestSite> StartAsync(ResponseMode mode) =>
        TestSite.StartAsync(site: o => o with { ResponseMode = mode, Wix = wix => wix.ExpectedIssuer = Issuer });

    private static async Task<Uri> CallbackAsync(SiteBrowser browser, TestSite site) =>
        await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url, "/account"), DemoData.Ada);

    // What the callback page's script does: it posts location.hash with the page's antiforgery token.
    private static async Task<HttpResponseMessage> PostFragmentAsync(SiteBrowser browser, Uri callback, string fragment)
    {
        var page = new Uri(callback.GetLeftPart(UriPartial.Path));
        using var shown = await browser.GetAsync(page);
        var token = SiteBrowser.AntiforgeryToken(await shown.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("No token on the callback page.");
        return await browser.PostFormAsync(page, ("__RequestVerificationToken", token), ("fragment", fragment));
    }
}

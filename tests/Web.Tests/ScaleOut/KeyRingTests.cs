using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.ScaleOut;

/// <summary>
/// The Data Protection key ring outlives Redis (issue 15, finding 3): after Redis restarts empty, an instance that starts
/// uses the same keys as those already running, so logins that cross instances still complete; the keys are encrypted.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly DirectoryInfo keyRing = Directory.CreateTempSubdirectory("wix-auth-keys-");

    public void Dispose() => keyRing.Delete(recursive: true);

    [Fact]
    public async Task After_Redis_restarts_empty_logins_crossing_old_and_new_instances_complete_both_ways()
    {
        var certificate = WriteCertificate();
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        await using var old = await StartInstanceAsync(emulator, redis, certificate);
        using (var warm = new SiteBrowser()) await warm.BeginLoginAsync(old.BaseUrl);   // the old instance has its keys

        await redis.RestartEmptyAsync();
        await using var started = await StartInstanceAsync(emulator, redis, certificate);

        foreach (var (begin, complete) in new[] { (old, started), (started, old), (old, started), (started, old) })
        {
            using var browser = new SiteBrowser();
            var callback = await WaitForLoginAsync(browser, begin.BaseUrl, DemoData.Ada);
            using var response = await browser.GetAsync(new UriBuilder(callback) { Port = complete.BaseUrl.Port }.Uri);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(complete.BaseUrl));
        }

        // At rest the keys are encrypted with the certificate: no key material in clear in the shared folder.
        var files = keyRing.GetFiles("key-*.xml");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.DoesNotContain("<masterKey", File.ReadAllText(f.FullName)));
        Assert.All(files, f => Assert.Contains("EncryptedData", File.ReadAllText(f.FullName)));
    }

    // Right after the restart the instances may still be reconnecting to Redis (503, Retry-After): wait as a member would.
    private static async Task<Uri> WaitForLoginAsync(SiteBrowser browser, Uri site, DemoMember member)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(15); ; await Task.Delay(200))
        {
            using var response = await browser.GetAsync(new Uri(site, "auth/login?returnUrl=%2F"));
            if (response.StatusCode == HttpStatusCode.Found) return await browser.SignInAtWixAsync(SiteBrowser.Redirected(response), member);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "the site did not reconnect to Redis within 15 s");
        }
    }

    private string WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=wix-auth-tests key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), $"wix-auth-keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }

    private Task<WebSiteHost> StartInstanceAsync(WixEmulator emulator, RedisServer redis, string certificate) =>
        TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = redis.ConnectionString, KeyRing = keyRing.FullName, KeyRingCertificate = certificate });
}

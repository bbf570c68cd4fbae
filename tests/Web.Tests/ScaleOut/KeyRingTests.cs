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
/// On a Redis Cluster (issue 25) the ring may live in the cluster itself, in one list (one key: one slot).
/// </summary>
public sealed class KeyRingTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
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

    [Fact]
    public async Task Instances_keeping_the_key_ring_in_a_Redis_Cluster_complete_logins_that_cross_them_and_the_ring_is_encrypted_there()
    {
        var certificate = WriteCertificate();
        await using var redis = await cluster.TargetAsync(RedisKind.Cluster);
        await using var emulator = await WixEmulator.StartAsync(WebSiteHost.DemoEmulator);
        Task<WebSiteHost> Start() => TestSite.StartSiteAsync(emulator.BaseUrl, o => o with { Redis = redis.ConnectionString, KeyRingRedis = redis.ConnectionString, KeyRingCertificate = certificate });
        await using var a = await Start();
        using (var warm = new SiteBrowser()) await warm.BeginLoginAsync(a.BaseUrl);   // the first instance makes the ring's key
        await using var b = await Start();

        foreach (var (begin, complete) in new[] { (a, b), (b, a) })
        {
            using var browser = new SiteBrowser();
            var callback = await WaitForLoginAsync(browser, begin.BaseUrl, DemoData.Ada);
            using var response = await browser.GetAsync(new UriBuilder(callback) { Port = complete.BaseUrl.Port }.Uri);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(complete.BaseUrl));
        }

        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = await connection.GetDatabase().ListRangeAsync("wix:data-protection-keys");
        Assert.Single(keys);                                   // one key, made by the first instance and used by both
        Assert.DoesNotContain("<masterKey", keys[0].ToString());
        Assert.Contains("EncryptedData", keys[0].ToString());
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

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore;
using Wix.Auth.AspNetCore.Endpoints;

namespace Wix.Auth.Web.Tests.Hosts;

/// <summary>The origin of a request is remembered per Host header, for the site's own hosts only and within a bound.</summary>
public sealed class SiteOriginsTests
{
    [Fact]
    public void Every_spelling_of_the_sites_host_gets_its_origin_strangers_get_none_and_the_memory_stays_bounded()
    {
        var web = new WixAuthWebOptions { PublicOrigin = new Uri("https://shop.example") };
        web.AllowedHosts.Add("alias.internal");
        var origins = new SiteOrigins(Options.Create(web), new NoServer());

        for (var i = 0; i < 300; i++)
        {
            Assert.Equal("https://shop.example", origins.OriginOf(Request(Spelling("shop.example", i))));
            Assert.Equal("https://shop.example", origins.OriginOf(Request(Spelling("alias.internal", i))));
            Assert.Null(origins.OriginOf(Request(Spelling("evil.example", i))));
            Assert.Null(origins.OriginOf(Request(Spelling("shop.example", i) + ":8443")));
        }
        Assert.Equal("https://shop.example", origins.OriginOf(Request("shop.example:443")));
        Assert.InRange(origins.KnownHosts, 2, 64);
    }

    // The i-th mix of upper and lower case of host.
    private static string Spelling(string host, int i) =>
        string.Concat(host.Select((c, n) => (i >> (n % 16) & 1) == 1 ? char.ToUpperInvariant(c) : c));

    private static HttpRequest Request(string host) => new DefaultHttpContext { Request = { Host = new HostString(host) } }.Request;

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose() { }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

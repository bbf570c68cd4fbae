using Microsoft.Extensions.DependencyInjection;

namespace Wix.Auth;

/// <summary>
/// What <c>services.AddWixAuth(…)</c> returns: the place for the rest of the registration, one call each —
/// <c>.AddFileSessionStore()</c>, <c>.AddDistributedCacheStores()</c>, and in the web host <c>.AddAspNetCore()</c>, <c>.AddRedis(…)</c>.
/// </summary>
/// <example><c>services.AddWixAuth(o => o.ClientId = id).AddAspNetCore().AddRedis("localhost:6379");</c></example>
public sealed class WixAuthBuilder
{
    internal WixAuthBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services being registered.</summary>
    public IServiceCollection Services { get; }
}

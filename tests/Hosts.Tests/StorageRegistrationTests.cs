using Microsoft.Extensions.DependencyInjection;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Tests.Hosts.Support;

namespace Wix.Auth.Tests.Hosts;

public sealed class StorageRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_distributed_cache_stores_replace_the_in_memory_ones_in_either_order(bool beforeAddWixAuth)
    {
        var services = new ServiceCollection().AddLogging().AddDistributedMemoryCache();
        var wix = services.AddWixAuth(o => o.ClientId = "client");
        if (beforeAddWixAuth) wix.AddDistributedCacheStores();
        services.AddWixAuth(o => o.ClientId = "client");   // registering twice keeps the stores chosen
        if (!beforeAddWixAuth) wix.AddDistributedCacheStores();

        using var provider = services.BuildServiceProvider();

        Assert.IsType<DistributedCacheSessionStore>(provider.GetRequiredService<ISessionStore>());
        Assert.IsType<DistributedCachePendingLoginStore>(provider.GetRequiredService<IPendingLoginStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ISessionStore));
    }

    [Fact]
    public void The_file_store_uses_the_given_path()
    {
        using var folder = new TempFolder();
        var services = new ServiceCollection().AddLogging();
        services.AddWixAuth(o => o.ClientId = "client").AddFileSessionStore(folder.File("tokens.json"));

        using var provider = services.BuildServiceProvider();

        Assert.Equal(folder.File("tokens.json"), Assert.IsType<FileSessionStore>(provider.GetRequiredService<ISessionStore>()).Path);
    }
}

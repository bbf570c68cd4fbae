namespace Wix.Auth.Web.Tests.Support;

/// <summary>
/// One Redis Cluster for a test class, started on its first use (a few seconds) and stopped by PID when the class is done;
/// <see cref="TargetAsync"/> hands a theory the Redis its <see cref="RedisKind"/> names. The cluster is the one the tests
/// start themselves, unless <c>WIX_AUTH_REDIS_CLUSTER</c> names a running one (its seed nodes, as <c>AddRedis</c> takes them):
/// that one is shared by every test class, so its tests take turns.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Each test empties the cluster it is given: on the one cluster named from outside, one test at a time.
    private static readonly SemaphoreSlim ExternalTurn = new(1, 1);

    private readonly SemaphoreSlim starting = new(1, 1);
    private RedisCluster? cluster;

    internal async Task<IRedisTarget> TargetAsync(RedisKind kind)
    {
        if (kind == RedisKind.Node) return await RedisServer.StartAsync();
        if (Environment.GetEnvironmentVariable("WIX_AUTH_REDIS_CLUSTER") is { Length: > 0 } given)
        {
            await ExternalTurn.WaitAsync();
            try
            {
                return await Shared.EmptiedAsync(given, () => ExternalTurn.Release());
            }
            catch
            {
                ExternalTurn.Release();
                throw;
            }
        }
        await starting.WaitAsync();
        try
        {
            cluster ??= await RedisCluster.StartAsync();
        }
        finally
        {
            starting.Release();
        }
        return await Shared.EmptiedAsync(cluster.ConnectionString);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
        starting.Dispose();
    }

    /// <summary>The class's cluster for one test: emptied first (tests reuse key names), left running at the end.</summary>
    private sealed class Shared(string connectionString, Action? done) : IRedisTarget
    {
        public string ConnectionString { get; } = connectionString;

        public static async Task<Shared> EmptiedAsync(string connectionString, Action? done = null)
        {
            await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
            foreach (var server in connection.GetServers().Where(s => !s.IsReplica)) await server.FlushAllDatabasesAsync();
            return new Shared(connectionString, done);
        }

        public ValueTask DisposeAsync()
        {
            done?.Invoke();
            return ValueTask.CompletedTask;
        }
    }
}

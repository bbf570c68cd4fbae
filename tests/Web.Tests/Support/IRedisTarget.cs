namespace Wix.Auth.Web.Tests.Support;

/// <summary>A Redis a test runs against, single node or cluster: what <c>AddRedis</c> is given.</summary>
internal interface IRedisTarget : IAsyncDisposable
{
    /// <summary>The StackExchange.Redis configuration string: one node's address, or a cluster's seed nodes.</summary>
    string ConnectionString { get; }
}

/// <summary>Which Redis a theory runs against.</summary>
public enum RedisKind
{
    /// <summary>One <c>redis-server</c> of the test's own.</summary>
    Node,

    /// <summary>The test class's Redis Cluster (three masters, three replicas), emptied for the test.</summary>
    Cluster,
}

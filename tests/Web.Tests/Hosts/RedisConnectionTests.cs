using StackExchange.Redis;
using Wix.Auth.AspNetCore.Storage;

namespace Wix.Auth.Web.Tests.Hosts;

/// <summary>The site's Redis connection: quick answers in an outage, replies read on the thread pool, the connection string's own settings first.</summary>
public sealed class RedisConnectionTests
{
    [Fact]
    public void A_bare_address_gets_short_timeouts_no_backlog_and_replies_read_on_the_thread_pool()
    {
        var options = RedisConnection.Options("localhost:6379");

        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(RedisConnection.ConnectTimeoutMs, options.ConnectTimeout);
        Assert.Equal(RedisConnection.OperationTimeoutMs, options.AsyncTimeout);
        Assert.Equal(RedisConnection.OperationTimeoutMs, options.SyncTimeout);
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
        Assert.Same(SocketManager.ThreadPool, options.SocketManager);
    }

    [Fact]
    public void Settings_named_in_the_connection_string_win()
    {
        var options = RedisConnection.Options("localhost:6379,abortConnect=true,connectTimeout=7000,asyncTimeout=3000,syncTimeout=4000");

        Assert.True(options.AbortOnConnectFail);
        Assert.Equal(7000, options.ConnectTimeout);
        Assert.Equal(3000, options.AsyncTimeout);
        Assert.Equal(4000, options.SyncTimeout);
    }
}

using StackExchange.Redis;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// The site's Redis connection, tuned so an outage is a quick answer rather than a hung request: requests wait at most
/// a second for a stalled Redis (StackExchange.Redis waits five) and not at all for one that is down, the site
/// starts and reconnects while Redis is down, replies are read on the thread pool, and
/// exception messages carry no keys. A setting named in the connection string wins.
/// </summary>
internal static class RedisConnection
{
    /// <summary>The default for <c>asyncTimeout</c> and <c>syncTimeout</c>, in milliseconds.</summary>
    public const int OperationTimeoutMs = 1000;

    /// <summary>The default for <c>connectTimeout</c>, in milliseconds.</summary>
    public const int ConnectTimeoutMs = 2000;

    /// <summary>The options for <paramref name="connectionString"/>, with the defaults above where it is silent.</summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        if (!Names(connectionString, "abortConnect")) options.AbortOnConnectFail = false;
        if (!Names(connectionString, "connectTimeout")) options.ConnectTimeout = ConnectTimeoutMs;
        if (!Names(connectionString, "asyncTimeout")) options.AsyncTimeout = OperationTimeoutMs;
        if (!Names(connectionString, "syncTimeout")) options.SyncTimeout = OperationTimeoutMs;
#pragma warning disable CS0618 // still honoured by 2.7; keys (pending-login states, session hashes) stay out of exception messages
        options.IncludeDetailInExceptions = false;
#pragma warning restore CS0618
        // Without a connection a command fails at once instead of waiting in a backlog for the timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Replies are read on .NET's thread pool, where their continuations run, not on StackExchange.Redis's own threads
        // and handed over: every caller here awaits, and the hand-over was most of the futex calls of a request (2.2 → 0.5
        // per authenticated request, bench/site.sh). A host making synchronous calls on a busy pool registers its own
        // IConnectionMultiplexer.
        options.SocketManager = SocketManager.ThreadPool;
        return options;
    }

    private static bool Names(string connectionString, string setting) =>
        connectionString.Split(',').Any(part => part.TrimStart().StartsWith(setting + "=", StringComparison.OrdinalIgnoreCase));
}

using System.Globalization;
using StackExchange.Redis;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// Counts the commands a Redis server has executed (<c>INFO commandstats</c>), the <c>INFO</c> calls that read the count
/// excepted: read before and after a window, the difference is what the site sent. Each of the site's commands is one round
/// trip, so this also counts round trips (a pipeline would count more commands than trips, never fewer).
/// </summary>
internal sealed class RedisCommands(IConnectionMultiplexer redis) : IAsyncDisposable
{
    public static async Task<RedisCommands> ConnectAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AllowAdmin = true;
        return new RedisCommands(await ConnectionMultiplexer.ConnectAsync(options));
    }

    public async Task<long> CountAsync()
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var sections = await server.InfoAsync("commandstats");
        return sections.SelectMany(s => s)
            .Where(stat => stat.Key.StartsWith("cmdstat_", StringComparison.Ordinal) && stat.Key != "cmdstat_info")
            .Sum(stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => redis.DisposeAsync();
}

using Wix.Auth.Effects.Ports;
using LanguageExt;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wix.Auth.AspNetCore;
using Wix.Auth.AspNetCore.Storage;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.ScaleOut;

/// <summary>The Redis stores themselves: what goes in comes out whole, a pending login is taken once, TTLs are Redis's.</summary>
public sealed class RedisStoreTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(RedisKind.Node)]
    [InlineData(RedisKind.Cluster)]
    public async Task A_pending_login_round_trips_and_is_taken_by_exactly_one_of_many_instances(RedisKind kind)
    {
        await using var redis = await cluster.TargetAsync(kind);
        var instances = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ConnectionMultiplexer.ConnectAsync(redis.ConnectionString)));
        try
        {
            var stores = instances.Select(m => new RedisPendingLoginStore(m)).ToArray();
            var data = Pkce.GenerateOAuthData("http://127.0.0.1:5000/auth/callback", Prelude.Some("http://127.0.0.1:5000/x"), new byte[Pkce.RequiredEntropyBytes])
                .Match(d => d, _ => throw new InvalidOperationException());
            var pending = new PendingLogin(data, Prompt.Login, ResponseMode.Query, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
            await stores[0].SaveAsync(pending, TimeSpan.FromMinutes(10), default);

            Assert.Equal(pending, (await stores[1].FindAsync(data.State, default)) ?? throw new InvalidOperationException("not found"));
            var taken = await Task.WhenAll(stores.Select(s => s.TakeAsync(data.State, default).AsTask()));
            Assert.Equal(pending, Assert.Single(taken, t => t is not null));
            Assert.True((await stores[2].FindAsync(data.State, default)) is null);

            await stores[0].SaveAsync(pending, TimeSpan.FromMilliseconds(200), default);
            await Task.Delay(400);
            Assert.True((await stores[3].FindAsync(data.State, default)) is null);
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(RedisKind.Node)]
    [InlineData(RedisKind.Cluster)]
    public async Task Sessions_round_trip_and_clear(RedisKind kind)
    {
        await using var redis = await cluster.TargetAsync(kind);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var store = new RedisSessionStore(connection, TimeSpan.FromMinutes(5));
        var tokens = new Tokens(new AccessToken("at".AsSecret(), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)), new RefreshToken("rt".AsSecret(), TokenRole.Member));

        await store.SetAsync("k", LoginState.FromTokens(tokens), default);
        Assert.Equal(LoginState.FromTokens(tokens), (await store.GetAsync("k", default)) ?? throw new InvalidOperationException("not found"));
        Assert.True((await store.GetAsync("other", default)) is null);
        await store.ClearAsync("k", default);
        Assert.True((await store.GetAsync("k", default)) is null);

    }

    [Fact]
    public async Task A_session_read_is_one_command_that_renews_the_idle_timeout()
    {
        await using var redis = await RedisServer.StartAsync();
        var admin = ConfigurationOptions.Parse(redis.ConnectionString);
        admin.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(admin);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var store = new RedisSessionStore(connection, TimeSpan.FromMinutes(30));
        var tokens = new Tokens(new AccessToken("at".AsSecret(), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)), new RefreshToken("rt".AsSecret(), TokenRole.Member));
        await store.SetAsync("k", LoginState.FromTokens(tokens), default);
        var key = Assert.Single(server.Keys(pattern: "wix:{*}:session"));
        await connection.GetDatabase().KeyExpireAsync(key, TimeSpan.FromMinutes(1)); // as if idle for 29 minutes

        await server.ExecuteAsync("CONFIG", "RESETSTAT");
        Assert.Equal(LoginState.FromTokens(tokens), (await store.GetAsync("k", default)) ?? throw new InvalidOperationException("not found"));
        Assert.True((await store.GetAsync("other", default)) is null);

        var commands = (await server.InfoAsync("commandstats")).SelectMany(g => g)
            // What the store sent: not the test's own INFO and CONFIG, nor the SELECT the client sends with the first of them.
            .Where(c => c.Key is not ("cmdstat_info" or "cmdstat_select") && !c.Key.StartsWith("cmdstat_config", StringComparison.Ordinal)).ToList();
        Assert.Equal("cmdstat_getex", Assert.Single(commands).Key);
        Assert.StartsWith("calls=2,", Assert.Single(commands).Value);
        Assert.InRange((await connection.GetDatabase().KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        await store.ClearAsync("k", default);
        Assert.Empty(server.Keys(pattern: "wix:{*}:session"));
    }

    [Fact]
    public async Task On_a_cluster_sessions_spread_over_every_master_each_sessions_keys_share_a_slot_and_every_key_expires()
    {
        await using var redis = await cluster.TargetAsync(RedisKind.Cluster);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var store = new RedisSessionStore(connection, TimeSpan.FromMinutes(5));
        var lease = new RedisRefreshLease(connection);
        var state = LoginState.FromTokens(new Tokens(new AccessToken("at".AsSecret(), DateTimeOffset.UnixEpoch), new RefreshToken("rt".AsSecret(), TokenRole.Member)));
        var sessions = Enumerable.Range(0, 60).Select(i => $"wix.web:session-{i}").ToList();

        foreach (var session in sessions)
        {
            // A refresh's keys: the lease, then the fenced write that decides on the session, its fence and its lease in one script.
            var held = (await lease.TryAcquireAsync(session, TimeSpan.FromMinutes(1), default))!;   // held, not given back: its key stays
            Assert.Equal(SessionWrite.Written, await store.SetAsync(session, state, held.Fence, default));
        }

        var masters = connection.GetServers().Where(s => !s.IsReplica).ToList();
        Assert.Equal(3, masters.Count);
        var keysByMaster = masters.Select(m => m.Keys(pattern: "wix:*").ToList()).ToList();
        Assert.All(keysByMaster, keys => Assert.NotEmpty(keys));                 // the cluster is really sharded
        Assert.Equal(sessions.Count * 3, keysByMaster.Sum(k => k.Count));         // session, fence, lease
        foreach (var session in sessions)
            Assert.Single(new[] { RedisKeys.Session(session), RedisKeys.Fence(session), RedisKeys.Lease(session) }.Select(k => connection.HashSlot(k)).Distinct());
        foreach (var key in keysByMaster.SelectMany(k => k))
            Assert.NotNull(await connection.GetDatabase().KeyTimeToLiveAsync(key));
    }
}

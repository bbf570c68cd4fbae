using LanguageExt;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Wix.Auth.AspNetCore.Storage;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.ScaleOut;

/// <summary>
/// The write that ends a refresh is fenced by its lease (issue 15, finding 8): an instance that stalls past its lease — a
/// paused process, a long GC — and then finishes its refresh cannot overwrite what the next lease holder wrote, on a real
/// Redis — one node, or a Redis Cluster, where the script's keys must share a slot (issue 25) — with the stores and the
/// lease the site registers.
/// </summary>
public sealed class FencedRefreshTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string Session = "member-session";
    private static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData(RedisKind.Node)]
    [InlineData(RedisKind.Cluster)]
    public async Task A_holder_whose_lease_ran_out_while_it_stalled_cannot_overwrite_the_next_holders_refresh(RedisKind kind)
    {
        await using var redis = await cluster.TargetAsync(kind);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        await using var first = await Instance.StartAsync(redis, time, "AT-first");
        await using var second = await Instance.StartAsync(redis, time, "AT-second");
        var expired = new Tokens(new AccessToken("AT-0".AsSecret(), time.GetUtcNow().AddMinutes(-1)), new RefreshToken("RT-0".AsSecret(), TokenRole.Member));
        await first.Store.SetAsync(Session, LoginState.FromTokens(expired), default);

        first.Wix.Hold();
        var stalled = first.Client.RenewTokenAsync();
        await first.Wix.Asked;                              // the first holds the lease, and its refresh is at Wix ...
        await Task.Delay(Lease * 2);                        // ... while it stalls, its lease runs out
        var renewed = await second.Client.RenewTokenAsync(); // the second takes the lease, refreshes and writes
        first.Wix.Release();                                // the first wakes up and writes late
        var late = await stalled;

        Assert.Equal("AT-second", AccessToken(renewed));
        Assert.Equal("AT-second", AccessToken(late));       // it was told what the newer holder left, not its own tokens
        var stored = LoginQueries.MemberTokens((await second.Store.GetAsync(Session, default))!).Case as Tokens;
        Assert.Equal("AT-second", stored?.AccessToken.Value.Reveal());
        Assert.Equal(1, first.Wix.Refreshes);
        Assert.Equal(1, second.Wix.Refreshes);
    }

    [Theory]
    [InlineData(RedisKind.Node)]
    [InlineData(RedisKind.Cluster)]
    public async Task A_stale_fenced_write_is_refused_after_a_newer_lease_a_newer_write_or_a_logout_and_admitted_otherwise(RedisKind kind)
    {
        await using var redis = await cluster.TargetAsync(kind);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var lease = new RedisRefreshLease(connection);
        var store = new RedisSessionStore(connection, TimeSpan.FromMinutes(5));
        var state = LoginState.FromTokens(new Tokens(new AccessToken("AT".AsSecret(), DateTimeOffset.UnixEpoch), new RefreshToken("RT".AsSecret(), TokenRole.Member)));

        await using var older = (await lease.TryAcquireAsync(Session, TimeSpan.FromMilliseconds(100), default))!;
        Assert.Equal(SessionWrite.Written, await store.SetAsync(Session, state, older.Fence, default));
        await Task.Delay(300);
        await using (var newer = (await lease.TryAcquireAsync(Session, TimeSpan.FromMinutes(1), default))!)
        {
            Assert.True(newer.Fence.Number > older.Fence.Number);
            Assert.Equal(SessionWrite.Superseded, await store.SetAsync(Session, state, older.Fence, default));   // a newer lease is live
        }
        var later = (await lease.TryAcquireAsync(Session, TimeSpan.FromMinutes(1), default))!;
        Assert.Equal(SessionWrite.Written, await store.SetAsync(Session, state, later.Fence, default));
        await later.DisposeAsync();
        Assert.Equal(SessionWrite.Superseded, await store.SetAsync(Session, state, older.Fence, default));       // a newer write was made
        Assert.Equal(SessionWrite.Written, await store.SetAsync(Session, state, later.Fence, default));          // a retry of it is admitted

        await store.ClearAsync(Session, default);                                                              // a logout
        Assert.Equal(SessionWrite.Superseded, await store.SetAsync(Session, state, later.Fence, default));
        Assert.Null(await store.GetAsync(Session, default));
        Assert.Equal(SessionWrite.Written, await store.SetAsync(Session, state, WriteFence.None, default));     // a login
        Assert.Equal(state, await store.GetAsync(Session, default));
    }

    private static string? AccessToken(AuthResult<Tokens, AuthError> result) => result.IsSuccess ? result.Value.AccessToken.Value.Reveal() : result.Error!.Code;

    /// <summary>One instance of a site: its own Redis connection, the stores and lease AddRedis registers, its own Wix.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly ConnectionMultiplexer connection;

        private Instance(ConnectionMultiplexer connection, TimeProvider time, string accessToken)
        {
            this.connection = connection;
            Store = new RedisSessionStore(connection, TimeSpan.FromMinutes(5));
            Wix = new GatedWix(accessToken);
            Client = new WixAuthClientFactory(Options.Create(new WixAuthOptions { ClientId = "client" }), Wix, new InMemoryPendingLoginStore(time), Store, time,
                new CryptographicEntropy(), new RefreshCoordinator(new RedisRefreshLease(connection), Lease), NullLoggerFactory.Instance).Create(Session);
        }

        public RedisSessionStore Store { get; }

        public GatedWix Wix { get; }

        public WixAuthClient Client { get; }

        public static async Task<Instance> StartAsync(IRedisTarget redis, TimeProvider time, string accessToken) =>
            new(await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString), time, accessToken);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>Wix answering a refresh with <c>accessToken</c>, after a gate a test may hold shut (the stalled instance).</summary>
    private sealed class GatedWix(string accessToken) : IWixApi
    {
        private readonly TaskCompletionSource asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool held;

        public Task Asked => asked.Task;

        public int Refreshes { get; private set; }

        public void Hold() => held = true;

        public void Release() => gate.TrySetResult();

        public async ValueTask<AuthResult<TokenResponse, AuthError>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken)
        {
            Assert.IsType<WixRequest.RefreshTokenGrant>(request);
            Refreshes++;
            asked.TrySetResult();
            if (held) await gate.Task.WaitAsync(cancellationToken);
            return new TokenResponse(accessToken.AsSecret(), Prelude.None, 14_400);
        }

        public ValueTask<AuthResult<string, AuthError>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a refresh creates no redirect session");
    }
}

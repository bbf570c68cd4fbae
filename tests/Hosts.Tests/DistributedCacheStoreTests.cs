using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Core.Flow;
using Wix.Auth.Tests.Hosts.Support;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Tests.Hosts;

public sealed class DistributedCacheStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeTimeProvider time = new(SampleTokens.Now);
    private readonly MemoryDistributedCache cache;

    public DistributedCacheStoreTests() => cache = FakeClockCache.Create(time);

    [Fact]
    public async Task Tokens_are_shared_by_every_store_over_the_cache_under_their_prefix()
    {
        var writer = new DistributedCacheSessionStore(cache);
        var reader = new DistributedCacheSessionStore(cache);

        await writer.SetAsync("member-1", LoginState.FromTokens(SampleTokens.Member()), Ct);

        Assert.Equal(SampleTokens.Member(), (TokenPair?)LanguageExt.Prelude.Optional(await reader.GetAsync("member-1", Ct)).Bind(LoginQueries.TokensOf).Case);
        Assert.NotNull(await cache.GetAsync(DistributedCacheSessionStore.DefaultKeyPrefix + "member-1", Ct));
        Assert.True((await new DistributedCacheSessionStore(cache, keyPrefix: "other:").GetAsync("member-1", Ct)) is null);

        await reader.ClearAsync("member-1", Ct);
        Assert.True((await writer.GetAsync("member-1", Ct)) is null);
    }

    [Fact]
    public async Task Token_entries_follow_the_given_expiration()
    {
        var store = new DistributedCacheSessionStore(cache, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(1) });
        await store.SetAsync("member-1", LoginState.FromTokens(SampleTokens.Member()), Ct);

        time.Advance(TimeSpan.FromHours(23));
        Assert.True((await store.GetAsync("member-1", Ct)) is not null);
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.True((await store.GetAsync("member-1", Ct)) is null);
    }

    [Theory]
    [InlineData("{broken")]
    [InlineData("{\"accessToken\":\"\",\"refreshToken\":\"r\"}")]
    [InlineData("{\"accessToken\":\"a\",\"refreshToken\":\"r\",\"role\":\"Pirate\"}")]
    public async Task An_unreadable_token_entry_counts_as_no_tokens(string stored)
    {
        await cache.SetAsync(DistributedCacheSessionStore.DefaultKeyPrefix + "member-1", Encoding.UTF8.GetBytes(stored), Ct);

        Assert.True((await new DistributedCacheSessionStore(cache).GetAsync("member-1", Ct)) is null);
    }

    [Theory]
    [InlineData("http://localhost:3000/account")]
    [InlineData(null)]
    public async Task A_pending_login_comes_back_field_for_field(string? originalUri)
    {
        var pending = SampleTokens.Pending(originalUri: originalUri);
        await new DistributedCachePendingLoginStore(cache).SaveAsync(pending, TimeSpan.FromMinutes(10), Ct);

        var found = (PendingLogin?)(await new DistributedCachePendingLoginStore(cache).FindAsync("state-1", Ct));

        Assert.Equal(pending, found);
        Assert.NotNull(await cache.GetAsync(DistributedCachePendingLoginStore.DefaultKeyPrefix + "state-1", Ct));
    }

    [Fact]
    public async Task A_pending_login_expires_absolutely_after_its_TTL()
    {
        var store = new DistributedCachePendingLoginStore(cache);
        await store.SaveAsync(SampleTokens.Pending(), TimeSpan.FromMinutes(10), Ct);

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.True((await store.FindAsync("state-1", Ct)) is not null);
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.True((await store.FindAsync("state-1", Ct)) is null);
        Assert.False((await store.TakeAsync("state-1", Ct)) is not null);
    }

    [Fact]
    public async Task A_pending_login_is_taken_once()
    {
        var store = new DistributedCachePendingLoginStore(cache);
        await store.SaveAsync(SampleTokens.Pending(), TimeSpan.FromMinutes(10), Ct);

        Assert.True((await store.TakeAsync("state-1", Ct)) is not null);
        Assert.False((await store.TakeAsync("state-1", Ct)) is not null);
        Assert.True((await store.FindAsync("state-1", Ct)) is null);
        Assert.False((await store.TakeAsync("never-saved", Ct)) is not null);
    }

    [Fact]
    public async Task Concurrent_takes_in_one_process_hand_the_entry_out_once()
    {
        var store = new DistributedCachePendingLoginStore(cache);
        for (var round = 0; round < 20; round++)
        {
            var state = $"state-{round}";
            await store.SaveAsync(SampleTokens.Pending(state), TimeSpan.FromMinutes(10), Ct);

            var takes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => (await store.TakeAsync(state, Ct)) is not null, Ct)));

            Assert.Equal(1, takes.Count(taken => taken));
        }
    }

    [Fact]
    public async Task An_unreadable_pending_entry_counts_as_none()
    {
        await cache.SetAsync(DistributedCachePendingLoginStore.DefaultKeyPrefix + "state-1", Encoding.UTF8.GetBytes("{\"state\":\"state-1\"}"), Ct);

        Assert.True((await new DistributedCachePendingLoginStore(cache).FindAsync("state-1", Ct)) is null);
    }
}

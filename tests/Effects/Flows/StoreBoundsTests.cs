using Wix.Auth.Core.Errors;
using Wix.Auth.Effects.Tests.Support;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>
/// The in-memory stores are bounded: a full pending-login store is a typed answer of the flow, not an exception; a full
/// session store ends the sessions idle longest and refuses no one.
/// </summary>
public sealed class StoreBoundsTests
{
    [Fact]
    public async Task A_full_pending_login_store_answers_StoreUnavailable_and_makes_room_as_logins_expire()
    {
        await using var h = await StartAsync();
        var pending = new InMemoryPendingLoginStore(h.Time, capacity: 2);
        // Each login in a session of its own, as a web site runs them.
        var logins = 0;
        WixAuthClient NewLogin() => new(h.Options, h.Api, pending, h.Tokens, h.Time, sessionKey: $"login-{++logins}");

        Assert.True((await NewLogin().GetAuthUrlAsync(h.NewOAuthData())).IsSuccess);
        Assert.True((await NewLogin().GetAuthUrlAsync(h.NewOAuthData())).IsSuccess);
        Assert.Equal(new AuthError.StoreUnavailable(), Left(await NewLogin().GetAuthUrlAsync(h.NewOAuthData())));
        Assert.Equal(2, pending.Count);

        h.Time.Advance(h.Options.PendingLoginTtl + TimeSpan.FromSeconds(1));
        Assert.True((await NewLogin().GetAuthUrlAsync(h.NewOAuthData())).IsSuccess);
        Assert.Equal(1, pending.Count);
    }

    [Fact]
    public async Task A_state_saved_again_outlives_its_first_expiry_and_expired_ones_go_at_the_next_save()
    {
        await using var h = await StartAsync();
        var store = new InMemoryPendingLoginStore(h.Time, capacity: 10);
        var again = new Core.Flow.PendingLogin(h.NewOAuthData(), Core.Protocol.Prompt.Login, Core.Protocol.ResponseMode.Query, h.Time.GetUtcNow());
        var once = again with { Data = h.NewOAuthData() };
        await store.SaveAsync(again, TimeSpan.FromMinutes(1), default);
        await store.SaveAsync(once, TimeSpan.FromMinutes(1), default);
        await store.SaveAsync(again, TimeSpan.FromMinutes(10), default);

        h.Time.Advance(TimeSpan.FromMinutes(2));
        await store.SaveAsync(again with { Data = h.NewOAuthData() }, TimeSpan.FromMinutes(1), default);

        Assert.NotNull(await store.FindAsync(again.Data.State, default));
        Assert.Null(await store.FindAsync(once.Data.State, default));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task A_session_lives_while_it_is_used_and_goes_after_the_idle_timeout_unused()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var store = new InMemorySessionStore(time, TimeSpan.FromMinutes(10));
        await store.SetAsync("used", Core.Flow.LoginState.Initial, default);
        await store.SetAsync("left", Core.Flow.LoginState.Initial, default);

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.NotNull(await store.GetAsync("used", default));
        time.Advance(TimeSpan.FromMinutes(9));

        Assert.NotNull(await store.GetAsync("used", default));
        Assert.Null(await store.GetAsync("left", default));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Expired_sessions_are_swept_by_a_later_write_once_the_idle_timeout_has_passed()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var store = new InMemorySessionStore(time, TimeSpan.FromMinutes(10));
        for (var i = 0; i < 5; i++) await store.SetAsync($"member-{i}", Core.Flow.LoginState.Initial, default);

        time.Advance(TimeSpan.FromMinutes(11));
        await store.SetAsync("new", Core.Flow.LoginState.Initial, default);

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task A_session_written_again_is_held_once_and_a_cleared_one_no_longer_counts_towards_the_bound()
    {
        var store = new InMemorySessionStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), Timeout.InfiniteTimeSpan, capacity: 2);
        await store.SetAsync("ada", Core.Flow.LoginState.Initial, default);
        await store.SetAsync("ada", Core.Flow.LoginState.Initial, default);
        await store.SetAsync("bob", Core.Flow.LoginState.Initial, default);
        await store.ClearAsync("bob", default);
        await store.SetAsync("cy", Core.Flow.LoginState.Initial, default);

        Assert.Equal(2, store.Count);
        Assert.NotNull(await store.GetAsync("ada", default));
        Assert.NotNull(await store.GetAsync("cy", default));
    }

    [Fact]
    public async Task A_full_session_store_ends_the_sessions_idle_longest_and_keeps_the_new_and_the_recently_used()
    {
        using var telemetry = new Telemetry.TelemetryRecorder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var store = new InMemorySessionStore(time, Timeout.InfiniteTimeSpan, capacity: 200);
        for (var i = 0; i < 200; i++)
        {
            await store.SetAsync($"member-{i}", Core.Flow.LoginState.Initial, default);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.NotNull(await store.GetAsync("member-0", default));

        await store.SetAsync("newcomer", Core.Flow.LoginState.Initial, default);

        // One over the bound: the excess and a hundredth of the capacity, the idlest, go at once.
        Assert.Equal(198, store.Count);
        Assert.Equal(3, telemetry.Sum("wix_auth.sessions.evicted"));
        Assert.NotNull(await store.GetAsync("newcomer", default));
        Assert.NotNull(await store.GetAsync("member-0", default));
        Assert.Null(await store.GetAsync("member-1", default));
        Assert.Null(await store.GetAsync("member-2", default));
        Assert.Null(await store.GetAsync("member-3", default));
        Assert.NotNull(await store.GetAsync("member-4", default));
    }
}

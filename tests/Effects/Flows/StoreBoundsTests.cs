using Wix.Auth.Core.Errors;
using Wix.Auth.Effects.Tests.Support;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>The in-memory pending-login store is bounded, and a full store is a typed answer of the flow, not an exception.</summary>
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
}

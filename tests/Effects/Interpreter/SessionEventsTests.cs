using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Tests.Interpreter;

/// <summary>
/// Every change of a session's state is a run of the flow, in the session's turn: <c>setTokens</c> waits for a refresh in
/// flight instead of being overwritten by it and drops a login in progress with its pending login; a logout renews a stale
/// member token within its own run, with the session's tokens forgotten before anything goes to Wix.
/// </summary>
public sealed class SessionEventsTests
{
    private const string RedirectUri = "http://localhost:3000/callback";
    private const string Bye = "http://localhost:3000/bye";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedWix wix = new();
    private readonly InMemoryPendingLoginStore pending;
    private readonly InMemorySessionStore sessions = new();
    private readonly WixAuthClient client;

    public SessionEventsTests()
    {
        pending = new InMemoryPendingLoginStore(time);
        client = new WixAuthClient(new WixAuthOptions { ClientId = "cid-1" }, wix, pending, sessions, time);
    }

    private LoginState Stored() => sessions.GetAsync(WixAuthClient.DefaultSessionKey, default).AsTask().Result ?? LoginState.Initial;

    private Tokens MemberTokens(string access, string refresh) =>
        new(new AccessToken(new Secret(access), time.GetUtcNow().AddHours(4)), new RefreshToken(new Secret(refresh), TokenRole.Member));

    private async Task<OAuthData> LoginAtWixAsync()
    {
        var data = client.GenerateOAuthData(RedirectUri);
        Assert.True((await client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)).IsSuccess);
        return data;
    }

    [Fact]
    public async Task Set_tokens_answers_the_tokens_kept_and_a_store_that_does_not_answer_is_a_result_not_an_exception()
    {
        var kept = MemberTokens("SET-AT", "SET-RT");
        Assert.Equal(kept, (await client.SetTokensAsync(kept)).Value);

        var down = new WixAuthClient(new WixAuthOptions { ClientId = "cid-1" }, wix, pending, new UnavailableSessions(), time);
        var refused = await down.SetTokensAsync(kept);

        Assert.Equal("store_unavailable", refused.Error?.Code);
    }

    private sealed class UnavailableSessions : ISessionStore
    {
        public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) => throw new StoreUnavailableException("read a session");

        public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken) => throw new StoreUnavailableException("write a session");

        public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) => throw new StoreUnavailableException("clear a session");
    }

    [Fact]
    public async Task Set_tokens_waits_for_a_refresh_in_flight_so_its_write_is_the_last_and_is_kept()
    {
        await client.SetTokensAsync(MemberTokens("OLD-AT", "OLD-RT"));
        time.Advance(TimeSpan.FromHours(4));
        var atWix = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        wix.OnRequest = async request =>
        {
            if (request is not WixRequest.RefreshTokenGrant) return;
            atWix.SetResult();
            await answer.Task;
        };
        var replacement = MemberTokens("SET-AT", "SET-RT");

        var refresh = client.RenewTokenAsync();
        await atWix.Task;
        var set = client.SetTokensAsync(replacement);
        Assert.False(set.IsCompleted);   // it waits for the session's turn
        answer.SetResult();
        await refresh;
        await set;

        Assert.Equal(new LoginState.Authenticated(replacement, None), Stored());
        Assert.Equal(replacement, await client.GetTokensAsync());
    }

    [Fact]
    public async Task Set_tokens_during_a_login_replace_it_and_leave_no_pending_login_behind()
    {
        var data = await LoginAtWixAsync();
        Assert.True((await pending.FindAsync(data.State, default)) is not null);

        await client.SetTokensAsync(MemberTokens("SET-AT", "SET-RT"));

        Assert.True((await pending.FindAsync(data.State, default)) is null);
        Assert.True(await client.LoggedInAsync());
    }

    [Fact]
    public async Task A_logout_with_a_stale_member_token_forgets_the_tokens_then_refreshes_then_ends_wixs_session_with_the_renewed_token()
    {
        await client.SetTokensAsync(MemberTokens("M-AT", "M-RT"));
        time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(30));
        wix.OnRequest = request =>
        {
            if (request is WixRequest.RefreshTokenGrant) Assert.True(LoginQueries.TokensOf(Stored()).IsNone);   // forgotten already
            return ValueTask.CompletedTask;
        };

        var logoutUrl = await client.LogoutAsync(Bye, RedirectUri);

        Assert.Equal("https://wix.example/logout?session=2", logoutUrl.Value);
        Assert.Equal([typeof(WixRequest.RefreshTokenGrant), typeof(WixRequest.LogoutSession)], wix.Requests.Select(r => r.GetType()));
        Assert.Equal(new Secret("M-AT-2"), Assert.IsType<WixRequest.LogoutSession>(wix.Requests[^1]).AccessToken);
        Assert.Equal(LoginState.Initial, Stored());
    }

    [Fact]
    public async Task A_logout_whose_refresh_is_refused_is_local_and_goes_straight_back_to_the_site()
    {
        await client.SetTokensAsync(MemberTokens("M-AT", "M-RT"));
        time.Advance(TimeSpan.FromHours(4));
        wix.Tokens = _ => new WixError("invalid_grant", None, Some(400), None);

        var logoutUrl = await client.LogoutAsync(Bye, RedirectUri);

        Assert.Equal(Bye, logoutUrl.Value);
        Assert.Equal([typeof(WixRequest.RefreshTokenGrant)], wix.Requests.Select(r => r.GetType()));
        Assert.Equal(LoginState.Initial, Stored());
        Assert.True((await client.RenewTokenAsync()).Error is AuthError.NotAuthenticated);   // no refused refresh left to report: the member logged out
    }

    [Fact]
    public async Task A_logout_whose_refresh_finds_wix_unreachable_sends_the_held_token_as_before()
    {
        await client.SetTokensAsync(MemberTokens("M-AT", "M-RT"));
        time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(30));
        wix.Tokens = _ => WixError.Of(WixError.NetworkError);

        var logoutUrl = await client.LogoutAsync(Bye, RedirectUri);

        Assert.Equal("https://wix.example/logout?session=2", logoutUrl.Value);
        Assert.Equal(new Secret("M-AT"), Assert.IsType<WixRequest.LogoutSession>(wix.Requests[^1]).AccessToken);
        Assert.Equal(LoginState.Initial, Stored());
    }
}

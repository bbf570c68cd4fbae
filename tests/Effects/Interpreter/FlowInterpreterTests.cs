using LanguageExt;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Interpreter;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Tests.Interpreter;

/// <summary>
/// The interpreter over in-memory ports: fast, and able to look at the world at the moment each call goes out. It carries
/// out the core's effects in order, stores the session's state before a call, answers each call with its own event, and
/// decides nothing itself.
/// </summary>
public sealed class FlowInterpreterTests
{
    private const string Session = "s-1";
    private const string RedirectUri = "http://localhost:3000/callback";
    private static readonly WixError Refused = new("invalid_grant", None, Some(400), None);
    private static readonly WixError Unreachable = WixError.Of(WixError.NetworkError);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedWix wix = new();
    private readonly ScriptedTokenInfo tokenInfo = new();
    private readonly InMemoryPendingLoginStore pending;
    private readonly InMemorySessionStore sessions = new();
    private readonly FlowInterpreter interpreter;
    private readonly OAuthData data;

    public FlowInterpreterTests()
    {
        pending = new InMemoryPendingLoginStore(time);
        interpreter = new FlowInterpreter(new FlowSettings("cid-1"), wix, tokenInfo, pending, sessions, time, NullLogger.Instance);
        data = Pkce.GenerateOAuthData(RedirectUri, "/cart", Enumerable.Range(0, Pkce.RequiredEntropyBytes).Select(i => (byte)i).ToArray())
            .Match(d => d, _ => throw new InvalidOperationException());
    }

    private Task<FlowOutcome> Run(LoginEvent e) => RunFrom(Stored(), e);

    private async Task<FlowOutcome> RunFrom(LoginState state, LoginEvent e) => await interpreter.RunAsync(Session, state, e, default);

    private LoginState Stored() => sessions.GetAsync(Session, default).AsTask().Result ?? LoginState.Initial;

    private LoginEvent Login() => new LoginEvent.LoginRequested(data, Prompt.Login, ResponseMode.Query, time.GetUtcNow());

    private LoginEvent Callback() => new LoginEvent.CallbackReceived(new CallbackParams.Granted(new Secret("CODE"), data.State, null), data.State, time.GetUtcNow());

    private async Task LogInAsync()
    {
        await Run(Login());
        Assert.Null((await Run(Callback())).Error);
    }

    [Fact]
    public async Task A_login_stores_the_pending_login_gets_visitor_tokens_then_the_login_url_and_stores_the_state()
    {
        var outcome = await Run(Login());

        Assert.Equal("https://wix.example/login?session=1", outcome.Redirect);
        Assert.Equal([typeof(WixRequest.AnonymousGrant), typeof(WixRequest.LoginSession)], wix.Requests.Select(r => r.GetType()));
        Assert.Equal(new Secret("V-AT"), ((WixRequest.LoginSession)wix.Requests[1]).AccessToken);
        Assert.True((await pending.FindAsync(data.State, default)) is not null);
        Assert.Equal(outcome.State, Stored());
        Assert.Equal(Some(new Secret("V-AT")), LoginQueries.VisitorTokens(Stored()).Map(t => t.AccessToken.Value));
    }

    [Fact]
    public async Task The_pending_login_is_taken_and_the_callback_stored_before_the_code_goes_to_wix()
    {
        await Run(Login());
        wix.OnRequest = async request =>
        {
            if (request is not WixRequest.AuthorizationCodeGrant) return;
            Assert.True((await pending.FindAsync(data.State, default)) is null);
            Assert.IsType<LoginState.Callback>(Stored());
        };

        var outcome = await Run(Callback());

        Assert.Null(outcome.Error);
        Assert.Equal(new WixRequest.AuthorizationCodeGrant("cid-1", RedirectUri, new Secret("CODE"), data.CodeVerifier), wix.Requests[^1]);
        Assert.True(LoginQueries.IsMember(Stored()));
    }

    [Fact]
    public async Task A_refused_code_exchange_ends_the_attempt_and_the_pending_login_stays_used()
    {
        await Run(Login());
        wix.Tokens = request => request is WixRequest.AuthorizationCodeGrant ? Refused : new Core.Credentials.TokenResponse(new Secret("V"), None, 100);

        var outcome = await Run(Callback());

        Assert.Equal<AuthError>(new AuthError.RemoteCallFailed(Refused), outcome.Error);
        Assert.False(LoginQueries.IsMember(Stored()));
        Assert.Equal<AuthError>(new AuthError.NoPendingLogin(), (await Run(Callback())).Error);
    }

    [Fact]
    public async Task A_callback_in_another_session_takes_the_same_pending_login_once()
    {
        await Run(Login());
        var first = await interpreter.RunAsync("other-1", LoginState.Initial, Callback(), default);
        var second = await interpreter.RunAsync("other-2", LoginState.Initial, Callback(), default);

        Assert.Null(first.Error);
        Assert.Equal<AuthError>(new AuthError.NoPendingLogin(), second.Error);
        Assert.Single(wix.Requests.OfType<WixRequest.AuthorizationCodeGrant>());
    }

    [Fact]
    public async Task A_failed_visitor_token_call_ends_the_login_and_deletes_its_pending_login()
    {
        wix.Tokens = _ => Unreachable;

        var outcome = await Run(Login());

        Assert.Equal<AuthError>(new AuthError.RemoteCallFailed(Unreachable), outcome.Error);
        Assert.Null(outcome.Redirect);
        Assert.True((await pending.FindAsync(data.State, default)) is null);
        Assert.IsType<LoginState.Failed>(outcome.State);
        Assert.True((await sessions.GetAsync(Session, default)) is null); // nothing worth keeping: no entry
    }

    [Fact]
    public async Task A_replayed_callback_in_a_new_session_leaves_no_entry_behind()
    {
        await Run(Login());
        Assert.Null((await interpreter.RunAsync("winner", LoginState.Initial, Callback(), default)).Error);
        for (var i = 0; i < 20; i++)
        {
            var replay = await interpreter.RunAsync($"replay-{i}", LoginState.Initial, Callback(), default);
            Assert.Equal<AuthError>(new AuthError.NoPendingLogin(), replay.Error);
            Assert.True((await sessions.GetAsync($"replay-{i}", default)) is null);
        }
    }

    [Fact]
    public async Task A_rejected_event_stores_nothing_and_calls_nobody()
    {
        await LogInAsync();
        var (before, requests) = (Stored(), wix.Requests.Count);

        var outcome = await Run(Login());

        Assert.Equal<AuthError>(new AuthError.AlreadyAuthenticated(), outcome.Rejection);
        Assert.Equal(before, Stored());
        Assert.Equal(requests, wix.Requests.Count);
    }

    [Fact]
    public async Task A_refused_refresh_is_the_answer_and_is_stored_for_every_later_caller()
    {
        await LogInAsync();
        time.Advance(TimeSpan.FromHours(4));
        wix.Tokens = _ => Refused;

        Assert.Equal<AuthError>(new AuthError.RefreshRejected(Refused), (await Run(new LoginEvent.RefreshRequested(time.GetUtcNow()))).Error);
        Assert.True(LoginQueries.TokensOf(Stored()).IsNone);
        Assert.Equal<AuthError>(new AuthError.RefreshRejected(Refused), (await Run(new LoginEvent.RefreshRequested(time.GetUtcNow()))).Rejection);
    }

    [Fact]
    public async Task A_refresh_that_fails_for_now_keeps_the_member()
    {
        await LogInAsync();
        var member = Stored();
        time.Advance(TimeSpan.FromHours(4));
        wix.Tokens = _ => Unreachable;

        Assert.Equal<AuthError>(new AuthError.RefreshUnavailable(Unreachable), (await Run(new LoginEvent.RefreshRequested(time.GetUtcNow()))).Rejection);
        Assert.Equal(member, Stored());
    }

    [Fact]
    public async Task A_refresh_whose_fenced_write_a_newer_holder_superseded_ends_with_the_newer_state_and_keeps_it()
    {
        await LogInAsync();
        time.Advance(TimeSpan.FromHours(4));
        var fenced = new FencedSessions(sessions);
        var newer = LoginState.FromTokens(new Core.Credentials.Tokens(
            new Core.Credentials.AccessToken(new Secret("NEWER-AT"), time.GetUtcNow().AddHours(4)), new Core.Credentials.RefreshToken(new Secret("M-RT"), Core.Credentials.TokenRole.Member)));
        // While this refresh is at Wix, its lease runs out and the next holder (fence 8) refreshes and writes.
        wix.OnRequest = async request =>
        {
            if (request is WixRequest.RefreshTokenGrant) Assert.Equal(SessionWrite.Written, await fenced.SetAsync(Session, newer, new WriteFence(8), default));
        };
        var stale = new FlowInterpreter(new FlowSettings("cid-1"), wix, tokenInfo, pending, fenced, time, NullLogger.Instance);

        var outcome = await stale.RunAsync(Session, Stored(), new LoginEvent.RefreshRequested(time.GetUtcNow()), new WriteFence(7), default);

        Assert.True(outcome.Superseded);
        Assert.Equal(newer, outcome.State);
        Assert.Null(outcome.Error);
        Assert.Equal(newer, Stored());
        Assert.Equal(SessionWrite.Written, await fenced.SetAsync(Session, newer, new WriteFence(8), default));   // a retry of the newest
        Assert.Equal(SessionWrite.Written, await fenced.SetAsync(Session, newer, WriteFence.None, default));     // outside any lease
    }

    /// <summary>The fencing rule of the port contract (<see cref="WriteFence.Admits"/>) over an in-memory store.</summary>
    private sealed class FencedSessions(InMemorySessionStore inner) : ISessionStore
    {
        private long newest;

        public ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken) => inner.GetAsync(sessionKey, cancellationToken);

        public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken) => inner.SetAsync(sessionKey, state, cancellationToken);

        public async ValueTask<SessionWrite> SetAsync(string sessionKey, LoginState state, WriteFence fence, CancellationToken cancellationToken)
        {
            if (!fence.Admits(newest)) return SessionWrite.Superseded;
            newest = Math.Max(newest, fence.Number);
            await inner.SetAsync(sessionKey, state, cancellationToken);
            return SessionWrite.Written;
        }

        public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) => inner.ClearAsync(sessionKey, cancellationToken);
    }

    [Fact]
    public async Task Logout_is_stored_before_wix_is_asked_so_it_is_local_even_when_wix_fails()
    {
        await LogInAsync();
        wix.Sessions = _ => Unreachable;
        wix.OnRequest = request =>
        {
            if (request is WixRequest.LogoutSession) Assert.True(LoginQueries.TokensOf(Stored()).IsNone); // forgotten already
            return ValueTask.CompletedTask;
        };

        var outcome = await Run(new LoginEvent.LogoutRequested("/bye", time.GetUtcNow()));

        Assert.Equal("http://localhost:3000/bye", outcome.Redirect);
        Assert.True(LoginQueries.TokensOf(Stored()).IsNone);
        Assert.Equal(new Secret("M-AT"), Assert.IsType<WixRequest.LogoutSession>(wix.Requests[^1]).AccessToken);
    }

    [Fact]
    public async Task Who_the_member_is_is_asked_of_token_info_with_their_access_token_once_and_kept_in_the_session()
    {
        await LogInAsync();

        var outcome = await Run(new LoginEvent.MemberIdentityRequested());
        await Run(new LoginEvent.MemberIdentityRequested());

        Assert.Equal(new Secret("M-AT"), Assert.Single(tokenInfo.Requests).Token);
        Assert.Equal(Some("member-1"), LoginQueries.MemberIdentityOf(outcome.State).Map(m => m.MemberId));
        Assert.Equal(outcome.State, Stored());
    }

    [Fact]
    public async Task A_failed_token_info_call_is_answered_as_its_own_failure_and_the_member_stays_with_the_identity_unknown()
    {
        await LogInAsync();
        tokenInfo.Answer = _ => IdentityFailure.Of(Unreachable);

        var outcome = await Run(new LoginEvent.MemberIdentityRequested());

        Assert.Null(outcome.Error);
        Assert.True(LoginQueries.IsMember(Stored()));
        Assert.True(LoginQueries.MemberIdentityOf(Stored()).IsNone);
        tokenInfo.Answer = _ => new TokenInfoReply(true, Some("MEMBER"), Some("member-1"));
        Assert.Equal(Some("member-1"), LoginQueries.MemberIdentityOf((await Run(new LoginEvent.MemberIdentityRequested())).State).Map(m => m.MemberId));
        Assert.Equal(2, tokenInfo.Requests.Count);
    }
}

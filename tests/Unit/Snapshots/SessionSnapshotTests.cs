using System.Text;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Snapshots;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Snapshots;

/// <summary>A session's state survives being stored: every kind, exactly; old stored token pairs still load.</summary>
public sealed class SessionSnapshotTests
{
    public static TheoryData<string> Kinds => ["idle", "idle visitor", "requested", "requested visitor", "taking", "taking denied", "exchanging",
        "authenticated", "authenticated known", "authenticated restored", "logged out", "failed denied", "failed remote", "failed refresh", "failed expired", "failed gone"];

    private static LoginState Make(string kind)
    {
        var data = Data();
        var refused = new WixError("invalid_grant", Some("bad"), Some(400), Some("req-1"));
        return kind switch
        {
            "idle" => LoginState.Initial,
            "idle visitor" => new LoginState.Idle(Some(Visitor())),
            "requested" => new LoginState.Requested(Pending(data), None),
            "requested visitor" => AtWix(data),
            "taking" => new LoginState.Callback(Granted("CODE-1", data.State), T0, None, Some(Visitor())),
            "taking denied" => new LoginState.Callback(new CallbackParams.Denied("access_denied", "no", data.State, null), T0, None, None),
            "exchanging" => Exchanging(data),
            "authenticated" => LoggedIn(data),
            "authenticated known" => (LoggedIn(data) as LoginState.Authenticated)! with { Identity = Some(new Core.Protocol.MemberIdentity("m-1", "c-1", "ada@example.com", false)) },
            "authenticated restored" => LoginState.FromTokens(Response("A", "R").ToTokens(T0, TokenRole.Member)),
            "logged out" => new LoginState.LoggedOut("https://shop.example/bye"),
            "failed denied" => new LoginState.Failed(new AuthError.AuthorizationDenied("access_denied", "no"), Some(Visitor())) { ReturnTo = Some("/cart") },
            "failed remote" => new LoginState.Failed(new AuthError.RemoteCallFailed(WixError.Of(WixError.Timeout))),
            "failed refresh" => new LoginState.Failed(new AuthError.RefreshRejected(refused)),
            "failed expired" => new LoginState.Failed(new AuthError.PendingLoginExpired()),
            _ => new LoginState.Failed(new AuthError.NoPendingLogin()),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_state_round_trips(string kind)
    {
        var state = Make(kind);
        Assert.Equal(Some(state), SessionSnapshots.DeserializeState(SessionSnapshots.Serialize(state)));
    }

    [Fact]
    public void A_snapshot_is_versioned_and_names_its_state()
    {
        var json = Encoding.UTF8.GetString(SessionSnapshots.Serialize(LoggedIn(Data())));
        Assert.Contains("\"version\":1", json);
        Assert.Contains("\"kind\":\"Authenticated\"", json);
        Assert.Contains("\"role\":\"Member\"", json);
    }

    [Fact]
    public void A_token_pair_stored_in_the_old_format_loads_as_the_state_that_holds_it()
    {
        // Exactly what the stores wrote before snapshots: a bare token pair, no version.
        const string member = """{"accessToken":"OLD-AT","accessTokenExpiresAt":"2026-12-01T10:00:00+00:00","refreshToken":"OLD-RT","role":"Member"}""";
        const string visitor = """{"accessToken":"V-AT","accessTokenExpiresAt":"2026-12-01T10:00:00+00:00","refreshToken":"V-RT","role":"Visitor"}""";
        var expiresAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(Some<LoginState>(new LoginState.Authenticated(
                new Tokens(new AccessToken(new Secret("OLD-AT"), expiresAt), new RefreshToken(new Secret("OLD-RT"), TokenRole.Member)), None)),
            SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(member)));
        Assert.Equal(Some<LoginState>(new LoginState.Idle(Some(new Tokens(new AccessToken(new Secret("V-AT"), expiresAt), new RefreshToken(new Secret("V-RT"), TokenRole.Visitor))))),
            SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(visitor)));
    }

    [Fact]
    public void A_session_stored_before_the_return_target_and_identity_were_kept_loads_without_them()
    {
        // Exactly what version 1 wrote before it kept the return target and the identity (issue 21): no "returnTo", no "identity".
        const string authenticated = """{"version":1,"kind":"Authenticated","member":{"accessToken":"AT","accessTokenExpiresAt":"2026-12-01T10:00:00+00:00","refreshToken":"RT","role":"Member"},"redirectUri":"http://localhost:3000/callback"}""";
        var expiresAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var loaded = Assert.IsType<LoginState.Authenticated>(SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(authenticated)).Case);
        Assert.Equal(new LoginState.Authenticated(new Tokens(new AccessToken(new Secret("AT"), expiresAt), new RefreshToken(new Secret("RT"), TokenRole.Member)), Some(RedirectUri)), loaded);
        Assert.True(loaded.ReturnTo.IsNone);
        Assert.True(loaded.Identity.IsNone);
        Assert.Contains("\"returnTo\":\"http://localhost:3000/orig\"", Encoding.UTF8.GetString(SessionSnapshots.Serialize(LoggedIn(Data()))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"version":1}""")]
    [InlineData("""{"version":1,"kind":"Authenticated"}""")]
    [InlineData("""{"version":1,"kind":"Requested","pending":{"state":"s"}}""")]
    [InlineData("""{"version":1,"kind":"Failed","failure":{"code":"made_up"}}""")]
    [InlineData("""{"version":2,"kind":"Idle"}""")]
    [InlineData("""{"accessToken":"","refreshToken":"x"}""")]
    [InlineData("""{"version":1,"kind":"Callback","receivedAt":"2026-01-01T00:00:00+00:00","callback":{"state":"s","code":""}}""")]
    [InlineData("""{"version":1,"kind":"Callback","receivedAt":"2026-01-01T00:00:00+00:00","callback":{"state":"s","error":""}}""")]
    public void Bytes_that_are_not_a_usable_snapshot_give_none(string json) =>
        Assert.True(SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(json)).IsNone);

    [Fact]
    public void A_pending_login_round_trips_and_its_old_format_is_the_same()
    {
        var pending = Pending(Data());
        Assert.Equal(Some(pending), SessionSnapshots.DeserializePendingLogin(SessionSnapshots.Serialize(pending)));
        var old = $$"""{"redirectUri":"{{RedirectUri}}","originalUri":"http://localhost:3000/orig","codeVerifier":"{{pending.Data.CodeVerifier.Reveal()}}","codeChallenge":"{{pending.Data.CodeChallenge}}","state":"{{pending.Data.State}}","prompt":"Login","responseMode":"Fragment","createdAt":"{{T0:O}}"}""";
        Assert.Equal(Some(pending), SessionSnapshots.DeserializePendingLogin(Encoding.UTF8.GetBytes(old)));
    }

    [Fact]
    public void A_pending_login_keeps_the_member_its_form_named_and_one_stored_without_it_names_none()
    {
        var pending = Pending(Data()) with { Member = Some(new Core.Protocol.MemberIdentity("m-1", null, null, null)) };
        Assert.Equal(Some(pending), SessionSnapshots.DeserializePendingLogin(SessionSnapshots.Serialize(pending)));
        Assert.Contains("\"member\":{\"memberId\":\"m-1\"}", Encoding.UTF8.GetString(SessionSnapshots.Serialize(pending)));
        var unnamed = Encoding.UTF8.GetString(SessionSnapshots.Serialize(pending)).Replace("\"memberId\":\"m-1\"", "\"memberId\":\"\"", StringComparison.Ordinal);
        Assert.Equal(Some(pending with { Member = None }), SessionSnapshots.DeserializePendingLogin(Encoding.UTF8.GetBytes(unnamed)));
    }

    public static TheoryData<string> Methods => ["session token", "social"];

    private static LoginMethod MethodOf(string name) => name == "session token"
        ? new LoginMethod.WithSessionToken(new Secret("SESSION-TOKEN-1")) { Member = Some(new MemberIdentity("m-1", null, null, null)) }
        : new LoginMethod.Social(IdentityProvider.Google);

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_login_stored_while_it_waits_for_visitor_tokens_keeps_its_method(string name)
    {
        // Requested without visitor tokens: the login URL is made only when they arrive, from the state the host read back.
        var requested = Accept(LoginState.Initial, new LoginEvent.LoginRequested(Data(), Prompt.Login, ResponseMode.Query, T0) { Method = MethodOf(name) }).State;
        var stored = SessionSnapshots.DeserializeState(SessionSnapshots.Serialize(requested));
        Assert.Equal(Some(requested), stored);

        var call = Accept((LoginState)stored.Case!, new LoginEvent.VisitorTokensReceived(Response("AT-1", "RT-1"), T0)).Call.Case;
        var session = Assert.IsType<LoginEffect.CreateLoginSession>(call).Request;
        Assert.Equal(name == "session token" ? Some(new Secret("SESSION-TOKEN-1")) : None, session.AuthRequest.SessionToken);
        Assert.Equal(name == "social" ? Some(IdentityProvider.Google) : None, session.AuthRequest.Idp);
    }

    [Fact]
    public void A_session_token_is_kept_only_in_the_sessions_snapshot_and_never_printed()
    {
        var pending = Pending(Data()) with { Method = MethodOf("session token") };
        var requested = new LoginState.Requested(pending, None);
        Assert.Contains("SESSION-TOKEN-1", Encoding.UTF8.GetString(SessionSnapshots.Serialize(requested)), StringComparison.Ordinal);
        // Once the login URL is asked for (visitor tokens in hand), and in the pending-login store's entry, the token is spent.
        var asked = new LoginState.Requested(pending, Some(Visitor()));
        Assert.DoesNotContain("SESSION-TOKEN-1", Encoding.UTF8.GetString(SessionSnapshots.Serialize(asked)), StringComparison.Ordinal);
        Assert.Equal(Some<LoginState>(asked with { Pending = pending with { Method = LoginMethod.WixPage } }), SessionSnapshots.DeserializeState(SessionSnapshots.Serialize(asked)));
        Assert.DoesNotContain("SESSION-TOKEN-1", Encoding.UTF8.GetString(SessionSnapshots.Serialize(pending)), StringComparison.Ordinal);
        Assert.DoesNotContain("SESSION-TOKEN-1", requested.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SESSION-TOKEN-1", SessionSnapshots.From(requested).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_login_stored_before_its_method_was_kept_loads_as_one_on_wixs_page()
    {
        // Exactly what version 1 wrote before it kept the method: no "method".
        var json = Encoding.UTF8.GetString(SessionSnapshots.Serialize(new LoginState.Requested(Pending(Data()), None)));
        Assert.DoesNotContain("\"method\"", json, StringComparison.Ordinal);
        var loaded = Assert.IsType<LoginState.Requested>(SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(json)).Case);
        Assert.Equal(LoginMethod.WixPage, loaded.Pending.Method);
    }

    [Theory]
    [InlineData("""{"kind":"SessionToken","sessionToken":""}""")]
    [InlineData("""{"kind":"Social"}""")]
    [InlineData("""{"kind":"Carrier pigeon"}""")]
    public void A_method_that_is_not_one_this_version_wrote_is_not_a_usable_snapshot(string method)
    {
        var json = Encoding.UTF8.GetString(SessionSnapshots.Serialize(new LoginState.Requested(Pending(Data()), None)));
        var edited = json.Replace("\"kind\":\"Requested\"", "\"kind\":\"Requested\",\"method\":" + method, StringComparison.Ordinal);
        Assert.NotEqual(json, edited);
        Assert.True(SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(edited)).IsNone);
    }

    [Fact]
    public void The_callbacks_issuer_is_not_kept()
    {
        var state = new LoginState.Callback(new CallbackParams.Granted(new Secret("C"), "s", "https://wix.example"), T0, None, None);
        Assert.DoesNotContain("wix.example", Encoding.UTF8.GetString(SessionSnapshots.Serialize(state)));
    }

    [Fact]
    public void A_denial_stored_without_its_optional_texts_loads_with_empty_ones()
    {
        // Written by hand as another writer (or a hand-edited store) may leave them out: nulls are not written.
        const string callback = """{"version":1,"kind":"Callback","receivedAt":"2026-01-01T00:00:00+00:00","callback":{"state":"s","error":"access_denied"}}""";
        const string failed = """{"version":1,"kind":"Failed","failure":{"code":"authorization_denied"}}""";

        var taking = Assert.IsType<LoginState.Callback>(SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(callback)).Case);
        Assert.Equal(new CallbackParams.Denied("access_denied", "", "s", null), taking.Params);
        var failure = Assert.IsType<LoginState.Failed>(SessionSnapshots.DeserializeState(Encoding.UTF8.GetBytes(failed)).Case);
        Assert.Equal(new AuthError.AuthorizationDenied("", ""), failure.Reason);
    }
}

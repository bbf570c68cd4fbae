using System.Text.Json;
using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using static Wix.Auth.Core.Flow.LoginState;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Core.Snapshots;

/// <summary>
/// The one translation between a session's state (and a pending login) and what stores keep. Reading is total: bytes
/// that are not a usable snapshot give none, never half a state; a bare token pair of the old format loads as the
/// state that holds it.
/// </summary>
public static class SessionSnapshots
{
    /// <summary>The snapshot format written today.</summary>
    public const int Version = 1;

    /// <summary>The snapshot of <paramref name="state"/>.</summary>
    public static SessionSnapshot From(LoginState state)
    {
        var s = new SessionSnapshot { Version = Version, Kind = state.GetType().Name };
        switch (state)
        {
            case Idle idle: s.Visitor = idle.Visitor.MatchUnsafe(From, () => null); break;
            case Requested r:
                (s.Pending, s.Visitor) = (From(r.Pending), r.Visitor.MatchUnsafe(From, () => null));
                // Its login URL is made from this state once visitor tokens arrive, so the method goes with it until then.
                s.Method = r.Visitor.IsNone ? From(r.Pending.Method) : null;
                break;
            case LoginState.Callback c:
                (s.Callback, s.ReceivedAt, s.Pending, s.Visitor) = (From(c.Params), c.ReceivedAt, c.Taken.MatchUnsafe(From, () => null), c.Visitor.MatchUnsafe(From, () => null));
                break;
            case Authenticated a:
                (s.Member, s.RedirectUri, s.ReturnTo, s.Identity) =
                    (From(a.Member), a.RedirectUri.MatchUnsafe(u => u, () => null), a.ReturnTo.MatchUnsafe(u => u, () => null), a.Identity.MatchUnsafe(From, () => null));
                break;
            case LoggedOut o: s.PostLogoutUrl = o.PostLogoutUrl; break;
            case Failed f: (s.Failure, s.Visitor, s.ReturnTo) = (From(f.Reason), f.Visitor.MatchUnsafe(From, () => null), f.ReturnTo.MatchUnsafe(u => u, () => null)); break;
        }
        return s;
    }

    /// <summary>The state a snapshot holds, or none when it is not a usable one.</summary>
    public static Option<LoginState> ToState(SessionSnapshot? s) => s switch
    {
        null => None,
        { Version: 0, AccessToken: not null } => ToTokens(new TokensSnapshot
        {
            AccessToken = s.AccessToken, AccessTokenExpiresAt = s.AccessTokenExpiresAt ?? default, RefreshToken = s.RefreshToken, Role = s.Role ?? TokenRole.None,
        }).Map(t => LoginState.FromTokens(t)),
        { Version: Version, Kind: nameof(Idle) } => Some<LoginState>(new Idle(Optional(s.Visitor).Bind(ToTokens))),
        { Version: Version, Kind: nameof(Requested) } => ToPendingLogin(s.Pending).Bind(p => ToMethod(s.Method, p.Member).Map(m =>
            (LoginState)new Requested(p with { Method = m }, Optional(s.Visitor).Bind(ToTokens)))),
        { Version: Version, Kind: nameof(LoginState.Callback), ReceivedAt: { } at } =>
            ToCallback(s.Callback).Map(c => (LoginState)new LoginState.Callback(c, at, ToPendingLogin(s.Pending), Optional(s.Visitor).Bind(ToTokens))),
        { Version: Version, Kind: nameof(Authenticated) } => ToTokens(s.Member).Map(m =>
            (LoginState)new Authenticated(m, Optional(s.RedirectUri)) { ReturnTo = Optional(s.ReturnTo), Identity = ToIdentity(s.Identity) }),
        { Version: Version, Kind: nameof(LoggedOut), PostLogoutUrl: { } url } => Some<LoginState>(new LoggedOut(url)),
        { Version: Version, Kind: nameof(Failed) } => ToError(s.Failure).Map(e => (LoginState)new Failed(e, Optional(s.Visitor).Bind(ToTokens)) { ReturnTo = Optional(s.ReturnTo) }),
        _ => None,
    };

    /// <summary><paramref name="state"/> as UTF-8 JSON.</summary>
    public static byte[] Serialize(LoginState state) => JsonSerializer.SerializeToUtf8Bytes(From(state), SnapshotJsonContext.Default.SessionSnapshot);

    /// <summary>The state in <paramref name="utf8Json"/>, or none when the bytes are not a usable snapshot.</summary>
    public static Option<LoginState> DeserializeState(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, SnapshotJsonContext.Default.SessionSnapshot).Bind(ToState);

    /// <summary>The snapshot of a pending login.</summary>
    public static PendingLoginSnapshot From(PendingLogin pending) => new()
    {
        RedirectUri = pending.Data.RedirectUri,
        OriginalUri = pending.Data.OriginalUri,
        CodeVerifier = pending.Data.CodeVerifier.Reveal(),
        CodeChallenge = pending.Data.CodeChallenge,
        State = pending.Data.State,
        Prompt = pending.Prompt,
        ResponseMode = pending.ResponseMode,
        CreatedAt = pending.CreatedAt,
        Member = pending.Member.MatchUnsafe(From, () => null),
    };

    /// <summary>The pending login, or none when a required field is missing.</summary>
    public static Option<PendingLogin> ToPendingLogin(PendingLoginSnapshot? dto) =>
        dto is { RedirectUri: { } redirect, CodeVerifier: { Length: > 0 } verifier, CodeChallenge: { } challenge, State: { Length: > 0 } state }
            ? Some(new PendingLogin(new OAuthData(redirect, dto.OriginalUri, verifier.AsSecret(), challenge, state), dto.Prompt, dto.ResponseMode, dto.CreatedAt)
            {
                Member = ToIdentity(dto.Member),
            })
            : None;

    /// <summary><paramref name="pending"/> as UTF-8 JSON.</summary>
    public static byte[] Serialize(PendingLogin pending) => JsonSerializer.SerializeToUtf8Bytes(From(pending), SnapshotJsonContext.Default.PendingLoginSnapshot);

    /// <summary>The pending login in <paramref name="utf8Json"/>, or none.</summary>
    public static Option<PendingLogin> DeserializePendingLogin(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, SnapshotJsonContext.Default.PendingLoginSnapshot).Bind(ToPendingLogin);

    private static LoginMethodSnapshot? From(LoginMethod method) => method switch
    {
        LoginMethod.WithSessionToken t => new() { Kind = "SessionToken", SessionToken = t.SessionToken.Reveal() },
        LoginMethod.Social s => new() { Kind = "Social", Idp = s.Provider.Id },
        _ => null,
    };

    // No method is Wix's page; a method this version did not write, or one without what it sends, is not a usable snapshot.
    // The form's member is the pending login's, kept with it.
    private static Option<LoginMethod> ToMethod(LoginMethodSnapshot? dto, Option<MemberIdentity> member) => dto switch
    {
        null => Some(LoginMethod.WixPage),
        { Kind: "SessionToken", SessionToken: { Length: > 0 } token } => Some<LoginMethod>(new LoginMethod.WithSessionToken(token.AsSecret()) { Member = member }),
        { Kind: "Social", Idp: { Length: > 0 } idp } => Some<LoginMethod>(new LoginMethod.Social(new IdentityProvider(idp))),
        _ => None,
    };

    private static TokensSnapshot From(TokenPair tokens) => new()
    {
        AccessToken = tokens.AccessToken.Value.Reveal(),
        AccessTokenExpiresAt = tokens.AccessToken.ExpiresAt,
        RefreshToken = tokens.RefreshToken.Value.Reveal(),
        Role = tokens.Role,
    };

    private static Option<TokenPair> ToTokens(TokensSnapshot? dto) =>
        dto is { AccessToken: { Length: > 0 } access, RefreshToken: { } refresh }
            ? Some(new TokenPair(new AccessToken(access.AsSecret(), dto.AccessTokenExpiresAt), new RefreshToken(refresh.AsSecret(), dto.Role)))
            : None;

    private static MemberIdentitySnapshot From(MemberIdentity identity) => new()
    {
        MemberId = identity.MemberId,
        ContactId = identity.ContactId,
        Email = identity.Email,
        EmailVerified = identity.EmailVerified,
    };

    // An identity without a member ID names no one: none, like an identity that was never kept.
    private static Option<MemberIdentity> ToIdentity(MemberIdentitySnapshot? dto) =>
        dto is { MemberId: { Length: > 0 } id } ? Some(new MemberIdentity(id, dto.ContactId, dto.Email, dto.EmailVerified)) : None;

    private static CallbackSnapshot From(CallbackParams p) => p switch
    {
        CallbackParams.Granted g => new() { State = g.State, Code = g.Code.Reveal() },
        CallbackParams.Denied d => new() { State = d.State, Error = d.Error, ErrorDescription = d.ErrorDescription },
        _ => new() { State = p.State },
    };

    private static Option<CallbackParams> ToCallback(CallbackSnapshot? dto) => dto switch
    {
        { State: { } state, Code: { Length: > 0 } code } => Some<CallbackParams>(new CallbackParams.Granted(code.AsSecret(), state, null)),
        { State: { } state, Error: { Length: > 0 } error } => Some<CallbackParams>(new CallbackParams.Denied(error, dto.ErrorDescription ?? "", state, null)),
        _ => None,
    };

    private static FailureSnapshot From(AuthError error) => error switch
    {
        AuthError.AuthorizationDenied d => new() { Code = d.Code, Error = d.Error, ErrorDescription = d.Description },
        AuthError.RemoteCallFailed r => new() { Code = r.Code, WixError = From(r.Error) },
        AuthError.RefreshRejected r => new() { Code = r.Code, WixError = From(r.Error) },
        _ => new() { Code = error.Code },
    };

    // The reasons a session can rest in Failed with; any other code is not a snapshot this version wrote.
    private static Option<AuthError> ToError(FailureSnapshot? dto) => dto?.Code switch
    {
        "authorization_denied" => Some<AuthError>(new AuthError.AuthorizationDenied(dto.Error ?? "", dto.ErrorDescription ?? "")),
        "remote_call_failed" => ToWixError(dto.WixError).Map(e => (AuthError)new AuthError.RemoteCallFailed(e)),
        "refresh_rejected" => ToWixError(dto.WixError).Map(e => (AuthError)new AuthError.RefreshRejected(e)),
        "pending_login_expired" => Some<AuthError>(new AuthError.PendingLoginExpired()),
        "no_pending_login" => Some<AuthError>(new AuthError.NoPendingLogin()),
        _ => None,
    };

    private static WixErrorSnapshot From(WixError e) => new()
    {
        Code = e.Code,
        Description = e.Description.MatchUnsafe(d => d, () => null),
        HttpStatus = e.HttpStatus.MatchUnsafe(s => (int?)s, () => null),
        RequestId = e.RequestId.MatchUnsafe(r => r, () => null),
    };

    private static Option<WixError> ToWixError(WixErrorSnapshot? dto) =>
        dto is { Code: { } code } ? Some(new WixError(code, Optional(dto.Description), Optional(dto.HttpStatus), Optional(dto.RequestId))) : None;

    private static Option<T> Read<T>(ReadOnlySpan<byte> utf8Json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return Optional(JsonSerializer.Deserialize(utf8Json, type));
        }
        catch (JsonException)
        {
            return None;
        }
    }
}

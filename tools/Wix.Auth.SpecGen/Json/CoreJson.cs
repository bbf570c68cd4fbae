using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.SpecGen.Json;

/// <summary>
/// Explicit JSON for the core's values (LanguageExt types do not serialize by themselves). Secrets are written
/// with their real values: vectors are test data made from fixed fake inputs. Field names are the schema of
/// <c>spec/schema.md</c>; <c>kind</c> names a case of a closed union.
/// </summary>
public static class CoreJson
{
    /// <summary>A state of the login machine.</summary>
    public static JsonObject State(LoginState state) => state switch
    {
        LoginState.Idle s => new() { ["kind"] = "Idle", ["visitor"] = Optional(s.Visitor.Map(Tokens)) },
        LoginState.Requested s => new()
        {
            ["kind"] = "Requested", ["pending"] = Pending(s.Pending), ["method"] = Method(s.Pending.Method), ["visitor"] = Optional(s.Visitor.Map(Tokens)),
        },
        LoginState.Callback s => new()
        {
            ["kind"] = "Callback", ["callback"] = Callback(s.Params), ["receivedAt"] = SpecJson.Instant(s.ReceivedAt), ["taken"] = Optional(s.Taken.Map(Pending)),
            ["visitor"] = Optional(s.Visitor.Map(Tokens)),
        },
        LoginState.Authenticated s => new()
        {
            ["kind"] = "Authenticated", ["member"] = Tokens(s.Member), ["redirectUri"] = Optional(s.RedirectUri.Map(u => (JsonNode)u)),
            ["returnTo"] = Optional(s.ReturnTo.Map(u => (JsonNode)u)), ["identity"] = Optional(s.Identity.Map(Identity)),
        },
        LoginState.LoggedOut s => new() { ["kind"] = "LoggedOut", ["postLogoutUrl"] = s.PostLogoutUrl },
        LoginState.LoggingOut s => new() { ["kind"] = "LoggingOut", ["postLogoutUrl"] = s.PostLogoutUrl, ["accessToken"] = s.AccessToken.Reveal() },
        LoginState.Failed s => new()
        {
            ["kind"] = "Failed", ["reason"] = Error(s.Reason), ["visitor"] = Optional(s.Visitor.Map(Tokens)), ["returnTo"] = Optional(s.ReturnTo.Map(u => (JsonNode)u)),
        },
        _ => throw new NotSupportedException($"No JSON for state {state.GetType().Name}: add it to CoreJson and spec/schema.md."),
    };

    /// <summary>An effect the machine asks for.</summary>
    public static JsonObject Effect(LoginEffect effect) => effect switch
    {
        LoginEffect.ObtainVisitorTokens e => new() { ["kind"] = "ObtainVisitorTokens", ["request"] = Request(e.Request) },
        LoginEffect.StorePendingLogin e => new() { ["kind"] = "StorePendingLogin", ["pending"] = Pending(e.Pending), ["ttlSeconds"] = (long)e.TimeToLive.TotalSeconds },
        LoginEffect.DeletePendingLogin e => new() { ["kind"] = "DeletePendingLogin", ["state"] = e.State },
        LoginEffect.CreateLoginSession e => new() { ["kind"] = "CreateLoginSession", ["request"] = Request(e.Request) },
        LoginEffect.Redirect e => new() { ["kind"] = "Redirect", ["url"] = e.Url },
        LoginEffect.ExchangeCode e => new() { ["kind"] = "ExchangeCode", ["request"] = Request(e.Request) },
        LoginEffect.RefreshTokens e => new() { ["kind"] = "RefreshTokens", ["request"] = Request(e.Request) },
        LoginEffect.CreateLogoutSession e => new() { ["kind"] = "CreateLogoutSession", ["request"] = Request(e.Request) },
        LoginEffect.TakePendingLogin e => new() { ["kind"] = "TakePendingLogin", ["state"] = e.State },
        LoginEffect.FetchMemberIdentity e => new()
        {
            ["kind"] = "FetchMemberIdentity",
            ["request"] = new JsonObject { ["method"] = "POST", ["path"] = e.Request.Path, ["authorization"] = null, ["body"] = new JsonObject { ["token"] = e.Request.Token.Reveal() } },
        },
        _ => throw new NotSupportedException($"No JSON for effect {effect.GetType().Name}: add it to CoreJson and spec/schema.md."),
    };

    /// <summary>
    /// A request to Wix: path, bare access token for <c>Authorization</c> (or null), body fields in wire order, and
    /// whether it may be repeated (the case of its <see cref="RepeatPolicy"/>).
    /// </summary>
    public static JsonObject Request(WixRequest request) => new()
    {
        ["method"] = "POST",
        ["path"] = request.Path,
        ["authorization"] = Optional(request.Authorization.Map(s => (JsonNode)s.Reveal())),
        ["body"] = Body(request),
        ["repeat"] = Repeat(request.Repeat),
    };

    private static string Repeat(RepeatPolicy repeat) => repeat switch
    {
        RepeatPolicy.Safe => "Safe",
        RepeatPolicy.OnlyIfNeverSent => "OnlyIfNeverSent",
        _ => throw new NotSupportedException($"No JSON for repeat policy {repeat.GetType().Name}: add it to CoreJson and spec/schema.md."),
    };

    private static JsonObject Body(WixRequest request) => request switch
    {
        WixRequest.AnonymousGrant r => new() { ["clientId"] = r.ClientId, ["grantType"] = r.GrantType },
        WixRequest.AuthorizationCodeGrant r => new()
        {
            ["clientId"] = r.ClientId, ["grantType"] = r.GrantType, ["redirectUri"] = r.RedirectUri,
            ["code"] = r.Code.Reveal(), ["codeVerifier"] = r.CodeVerifier.Reveal(),
        },
        WixRequest.RefreshTokenGrant r => new() { ["clientId"] = r.ClientId, ["refreshToken"] = r.RefreshToken.Reveal(), ["grantType"] = r.GrantType },
        WixRequest.LoginSession r => new()
        {
            ["auth"] = new JsonObject
            {
                ["authRequest"] = AuthRequest(r.AuthRequest),
                ["prompt"] = r.Prompt,
            },
        },
        WixRequest.LogoutSession r => new()
        {
            ["logout"] = new JsonObject { ["clientId"] = r.ClientId },
            ["callbacks"] = new JsonObject { ["postFlowUrl"] = r.PostFlowUrl },
        },
        _ => throw new NotSupportedException($"No JSON for request {request.GetType().Name}."),
    };

    // The authRequest's fields in wire order; sessionToken and idp follow state, and only when the login names one.
    private static JsonObject AuthRequest(AuthRequest a)
    {
        var json = new JsonObject
        {
            ["redirectUri"] = a.RedirectUri, ["clientId"] = a.ClientId, ["codeChallenge"] = a.CodeChallenge,
            ["codeChallengeMethod"] = a.CodeChallengeMethod, ["responseMode"] = a.ResponseMode, ["responseType"] = a.ResponseType,
            ["scope"] = a.Scope, ["state"] = a.State,
        };
        a.SessionToken.IfSome(t => json["sessionToken"] = t.Reveal());
        a.Idp.IfSome(i => json["idp"] = i.Id);
        return json;
    }

    /// <summary>
    /// A login's way of logging in (schema.md, <c>LoginRequested</c>'s and <c>Requested</c>'s <c>method</c>): null for Wix's page, else
    /// <c>{kind: "sessionToken", sessionToken, member}</c> or <c>{kind: "social", idp}</c>.
    /// </summary>
    public static JsonObject? Method(LoginMethod method) => method switch
    {
        LoginMethod.WithSessionToken t => new JsonObject
        {
            ["kind"] = "sessionToken", ["sessionToken"] = t.SessionToken.Reveal(), ["member"] = Optional(t.Member.Map(Identity)),
        },
        LoginMethod.Social s => new JsonObject { ["kind"] = "social", ["idp"] = s.Provider.Id },
        _ => null,
    };

    /// <summary>A typed error: its stable <c>code</c> and the data it carries.</summary>
    public static JsonObject Error(AuthError error)
    {
        var json = new JsonObject { ["code"] = error.Code };
        switch (error)
        {
            case AuthError.DisallowedOrigin e: json["origin"] = e.Origin; break;
            case AuthError.InsufficientEntropy e: json["required"] = e.Required; json["supplied"] = e.Supplied; break;
            case AuthError.UrlTooLong e: json["limit"] = e.Limit; break;
            case AuthError.DuplicateParameter e: json["parameter"] = e.Name; break;
            case AuthError.MissingParameter e: json["parameter"] = e.Name; break;
            case AuthError.AuthorizationDenied e: json["error"] = e.Error; json["errorDescription"] = e.Description; break;
            case AuthError.RemoteCallFailed e: json["wixError"] = WixError(e.Error); break;
            case AuthError.RefreshRejected e: json["wixError"] = WixError(e.Error); break;
            case AuthError.RefreshUnavailable e: json["wixError"] = WixError(e.Error); break;
            case AuthError.UnexpectedEvent e: json["state"] = e.State; json["event"] = e.Event; break;
        }
        return json;
    }

    /// <summary>What a failed call to Wix reported.</summary>
    public static JsonObject WixError(WixError error) => new()
    {
        ["code"] = error.Code,
        ["description"] = Optional(error.Description.Map(d => (JsonNode)d)),
        ["httpStatus"] = Optional(error.HttpStatus.Map(s => (JsonNode)s)),
        ["requestId"] = Optional(error.RequestId.Map(r => (JsonNode)r)),
    };

    /// <summary>A token pair; <c>expiresAt</c> is an ISO instant.</summary>
    public static JsonObject Tokens(TokenPair tokens) => new()
    {
        ["accessToken"] = new JsonObject { ["value"] = tokens.AccessToken.Value.Reveal(), ["expiresAt"] = SpecJson.Instant(tokens.AccessToken.ExpiresAt) },
        ["refreshToken"] = new JsonObject { ["value"] = tokens.RefreshToken.Value.Reveal(), ["role"] = Role(tokens.RefreshToken.Role) },
    };

    /// <summary>A token endpoint answer, with the wire's snake_case names.</summary>
    public static JsonObject TokenResponse(TokenResponse response) => new()
    {
        ["access_token"] = response.AccessToken.Reveal(),
        ["refresh_token"] = Optional(response.RefreshToken.Map(r => (JsonNode)r.Reveal())),
        ["expires_in"] = response.ExpiresIn,
    };

    /// <summary>A pending login.</summary>
    public static JsonObject Pending(PendingLogin pending) => new()
    {
        ["data"] = OAuthData(pending.Data),
        ["prompt"] = pending.Prompt.ToWire(),
        ["responseMode"] = pending.ResponseMode.ToWire(),
        ["createdAt"] = SpecJson.Instant(pending.CreatedAt),
        ["member"] = Optional(pending.Member.Map(Identity)),
    };

    /// <summary>A member's identity; absent parts are null.</summary>
    public static JsonObject Identity(MemberIdentity identity) => new()
    {
        ["memberId"] = identity.MemberId,
        ["contactId"] = identity.ContactId,
        ["email"] = identity.Email,
        ["emailVerified"] = identity.EmailVerified,
    };

    /// <summary>Token info's answer, with the wire's names.</summary>
    public static JsonObject TokenInfo(TokenInfoReply reply) => new()
    {
        ["active"] = reply.Active,
        ["subjectType"] = Optional(reply.SubjectType.Map(t => (JsonNode)t)),
        ["subjectId"] = Optional(reply.SubjectId.Map(i => (JsonNode)i)),
    };

    /// <summary>OAuth data, verifier included.</summary>
    public static JsonObject OAuthData(OAuthData data) => new()
    {
        ["redirectUri"] = data.RedirectUri,
        ["originalUri"] = data.OriginalUri,
        ["codeVerifier"] = data.CodeVerifier.Reveal(),
        ["codeChallenge"] = data.CodeChallenge,
        ["state"] = data.State,
    };

    /// <summary>The result of parsing a callback URL.</summary>
    public static JsonObject Callback(CallbackParams parsed) => parsed switch
    {
        CallbackParams.Granted g => new()
        {
            ["kind"] = "granted", ["code"] = g.Code.Reveal(), ["state"] = g.State, ["iss"] = g.Issuer,
        },
        CallbackParams.Denied d => new()
        {
            ["kind"] = "denied", ["error"] = d.Error, ["errorDescription"] = d.ErrorDescription, ["state"] = d.State,
            ["iss"] = d.Issuer,
        },
        _ => throw new NotSupportedException($"No JSON for {parsed.GetType().Name}."),
    };

    /// <summary>The flow settings a vector runs under.</summary>
    public static JsonObject Settings(FlowSettings settings) => new()
    {
        ["clientId"] = settings.ClientId,
        ["pendingLoginTtlSeconds"] = (long)settings.PendingLoginTtl.TotalSeconds,
        ["refreshMarginSeconds"] = (long)settings.RefreshMargin.TotalSeconds,
        ["allowedOrigins"] = SpecJson.Array(settings.AllowedOrigins.Map(o => (JsonNode?)o)),
        ["expectedIssuer"] = Optional(settings.ExpectedIssuer.Map(i => (JsonNode)i)),
    };

    /// <summary>A step's answer: <c>{"state", "effects"}</c>, or <c>{"rejected": error}</c>.</summary>
    public static JsonObject Step(Either<AuthError, Decision> result) => result.Match(
        d => new JsonObject { ["state"] = State(d.State), ["effects"] = SpecJson.Array(d.Effects.Map(e => (JsonNode?)Effect(e))) },
        e => new JsonObject { ["rejected"] = Error(e) });

    /// <summary><c>GenerateOAuthData</c>'s answer: <c>{"ok": oauthData}</c>, or <c>{"errors": [error…]}</c>, every problem in order.</summary>
    public static JsonObject Generated(Validation<AuthError, OAuthData> result) => result.Match(
        d => new JsonObject { ["ok"] = OAuthData(d) },
        errors => new JsonObject { ["errors"] = SpecJson.Array(errors.Map(e => (JsonNode?)Error(e))) });

    /// <summary><c>{"ok": …}</c> or <c>{"error": …}</c>.</summary>
    public static JsonObject Outcome<T>(Either<AuthError, T> result, Func<T, JsonNode> ok) =>
        result.Match(r => new JsonObject { ["ok"] = ok(r) }, e => new JsonObject { ["error"] = Error(e) });

    /// <summary><c>none</c>, <c>visitor</c> or <c>member</c>.</summary>
    public static string Role(TokenRole role) => role switch
    {
        TokenRole.Visitor => "visitor",
        TokenRole.Member => "member",
        _ => "none",
    };

    private static JsonNode? Optional(Option<JsonObject> value) => value.MatchUnsafe(v => (JsonNode?)v, () => null);

    private static JsonNode? Optional(Option<JsonNode> value) => value.MatchUnsafe(v => (JsonNode?)v, () => null);
}

using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Conformance.CoreAdapter;

/// <summary>
/// The core's values read back from the JSON of <c>spec/schema.md</c>: the inverse of <see cref="CoreJson"/>, which writes
/// them. A port's adapter has the same two halves.
/// </summary>
internal static class CoreReader
{
    public static FlowSettings Settings(JsonNode json) => new(Json.Str(json, "clientId"))
    {
        PendingLoginTtl = TimeSpan.FromSeconds(json["pendingLoginTtlSeconds"]!.GetValue<long>()),
        RefreshMargin = TimeSpan.FromSeconds(json["refreshMarginSeconds"]!.GetValue<long>()),
        AllowedOrigins = Json.Strings(json["allowedOrigins"]!),
        ExpectedIssuer = Json.OptStr(json, "expectedIssuer"),
    };

    public static LoginState State(JsonNode json) => Json.Str(json, "kind") switch
    {
        "Idle" => new LoginState.Idle(Visitor(json)),
        "Requested" => new LoginState.Requested(Pending(json["pending"]!) with { Method = Method(json["method"]) }, Visitor(json)),
        "Callback" => new LoginState.Callback(Callback(json["callback"]!), Instant(json, "receivedAt"), Optional(json["taken"]).Map(Pending), Visitor(json)),
        "Authenticated" => new LoginState.Authenticated(Tokens(json["member"]!), Json.OptStr(json, "redirectUri"))
        {
            ReturnTo = Json.OptStr(json, "returnTo"),
            Identity = Optional(json["identity"]).Map(Identity),
        },
        "LoggingOut" => new LoginState.LoggingOut(Json.Str(json, "postLogoutUrl"), Json.Str(json, "accessToken").AsSecret()),
        "LoggedOut" => new LoginState.LoggedOut(Json.Str(json, "postLogoutUrl")),
        "Failed" => new LoginState.Failed(Error(json["reason"]!), Visitor(json)) { ReturnTo = Json.OptStr(json, "returnTo") },
        var kind => throw new FormatException($"Unknown state kind '{kind}'."),
    };

    public static LoginEvent Event(JsonNode json) => Json.Str(json, "kind") switch
    {
        "LoginRequested" => new LoginEvent.LoginRequested(OAuthData(json["oauthData"]!), Json.Prompt(Json.Str(json, "prompt")), Json.Mode(Json.Str(json, "responseMode")), Instant(json, "now"))
        {
            Method = Method(json["method"]),
        },
        "VisitorTokensRequested" => new LoginEvent.VisitorTokensRequested(Instant(json, "now")),
        "VisitorTokensReceived" => new LoginEvent.VisitorTokensReceived(TokenResponse(json["response"]!), Instant(json, "now")),
        "LoginSessionCreated" => new LoginEvent.LoginSessionCreated(Json.Str(json, "authUrl")),
        // The event carries a URL: the adapter parses it with its own parser, as a host would.
        "CallbackReceived" => new LoginEvent.CallbackReceived(
            CallbackParser.ParseFromUrl(Json.Str(json, "url"), Json.Mode(Json.Str(json, "responseMode"))).Match(p => p, e => throw new FormatException($"The callback URL does not parse: {e.Code}")),
            Json.Str(json, "expectedState"), Instant(json, "now")),
        "PendingLoginTaken" => new LoginEvent.PendingLoginTaken(Pending(json["pending"]!)),
        "PendingLoginGone" => new LoginEvent.PendingLoginGone(),
        "CodeExchanged" => new LoginEvent.CodeExchanged(TokenResponse(json["response"]!), Instant(json, "now")),
        "RefreshRequested" => new LoginEvent.RefreshRequested(Instant(json, "now")),
        "TokensRefreshed" => new LoginEvent.TokensRefreshed(TokenResponse(json["response"]!), Instant(json, "now")),
        "LogoutRequested" => new LoginEvent.LogoutRequested(Json.Str(json, "postLogoutUrl"), Instant(json, "now"), Json.OptStr(json, "redirectUri")),
        "TokensSet" => new LoginEvent.TokensSet(Tokens(json["tokens"]!)),
        "SessionDiscarded" => new LoginEvent.SessionDiscarded(),
        "LogoutSessionCreated" => new LoginEvent.LogoutSessionCreated(Json.Str(json, "logoutUrl")),
        "VisitorTokensFailed" => new LoginEvent.VisitorTokensFailed(WixError(json["error"]!)),
        "LoginSessionFailed" => new LoginEvent.LoginSessionFailed(WixError(json["error"]!)),
        "CodeExchangeFailed" => new LoginEvent.CodeExchangeFailed(WixError(json["error"]!)),
        "RefreshFailed" => new LoginEvent.RefreshFailed(WixError(json["error"]!)),
        "LogoutSessionFailed" => new LoginEvent.LogoutSessionFailed(WixError(json["error"]!)),
        "MemberIdentityRequested" => new LoginEvent.MemberIdentityRequested(),
        "MemberIdentityReceived" => new LoginEvent.MemberIdentityReceived(new TokenInfoReply(
            json["reply"]!["active"]!.GetValue<bool>(), Json.OptStr(json["reply"]!, "subjectType"), Json.OptStr(json["reply"]!, "subjectId"))),
        "MemberIdentityFetchFailed" => new LoginEvent.MemberIdentityFetchFailed(WixError(json["error"]!)),
        var kind => throw new FormatException($"Unknown event kind '{kind}'."),
    };

    public static OAuthData OAuthData(JsonNode json) => new(
        Json.Str(json, "redirectUri"), json["originalUri"]?.GetValue<string>(), Json.Str(json, "codeVerifier").AsSecret(), Json.Str(json, "codeChallenge"), Json.Str(json, "state"));

    public static PendingLogin Pending(JsonNode json) =>
        new(OAuthData(json["data"]!), Json.Prompt(Json.Str(json, "prompt")), Json.Mode(Json.Str(json, "responseMode")), Instant(json, "createdAt"))
        {
            Member = Optional(json["member"]).Map(Identity),
        };

    public static TokenResponse TokenResponse(JsonNode json) => new(
        Json.Str(json, "access_token").AsSecret(), Json.OptStr(json, "refresh_token").Map(r => r.AsSecret()), json["expires_in"]!.GetValue<long>());

    public static WixError WixError(JsonNode json) => new(
        Json.Str(json, "code"), Json.OptStr(json, "description"), Optional(json["httpStatus"]?.GetValue<int>()), Json.OptStr(json, "requestId"));

    /// <summary>A typed error from its code and the fields that code carries (schema.md, "error").</summary>
    public static AuthError Error(JsonNode json) => Json.Str(json, "code") switch
    {
        "invalid_redirect_uri" => new AuthError.InvalidRedirectUri(),
        "invalid_return_url" => new AuthError.InvalidReturnUrl(),
        "disallowed_origin" => new AuthError.DisallowedOrigin(Json.Str(json, "origin")),
        "insufficient_entropy" => new AuthError.InsufficientEntropy(json["required"]!.GetValue<int>(), json["supplied"]!.GetValue<int>()),
        "invalid_oauth_data" => new AuthError.InvalidOAuthData(),
        "invalid_url" => new AuthError.InvalidUrl(),
        "url_too_long" => new AuthError.UrlTooLong(json["limit"]!.GetValue<int>()),
        "duplicate_parameter" => new AuthError.DuplicateParameter(Json.Str(json, "parameter")),
        "missing_parameter" => new AuthError.MissingParameter(Json.Str(json, "parameter")),
        "state_mismatch" => new AuthError.StateMismatch(),
        "issuer_mismatch" => new AuthError.IssuerMismatch(),
        "no_pending_login" => new AuthError.NoPendingLogin(),
        "pending_login_expired" => new AuthError.PendingLoginExpired(),
        "callback_already_received" => new AuthError.CallbackAlreadyReceived(),
        "authorization_denied" => new AuthError.AuthorizationDenied(Json.Str(json, "error"), Json.Str(json, "errorDescription")),
        "remote_call_failed" => new AuthError.RemoteCallFailed(WixError(json["wixError"]!)),
        "refresh_rejected" => new AuthError.RefreshRejected(WixError(json["wixError"]!)),
        "refresh_unavailable" => new AuthError.RefreshUnavailable(WixError(json["wixError"]!)),
        "not_authenticated" => new AuthError.NotAuthenticated(),
        "already_authenticated" => new AuthError.AlreadyAuthenticated(),
        "unexpected_event" => new AuthError.UnexpectedEvent(Json.Str(json, "state"), Json.Str(json, "event")),
        // The shells' errors never come out of a transition, so no vector has them in a state; read them for completeness.
        "store_unavailable" => new AuthError.StoreUnavailable(),
        "login_cancelled" => new AuthError.LoginCancelled(),
        "unknown_identity_provider" => new AuthError.UnknownIdentityProvider(),
        var code => throw new FormatException($"No state carries the error '{code}'."),
    };

    private static CallbackParams Callback(JsonNode json) => Json.Str(json, "kind") switch
    {
        "granted" => new CallbackParams.Granted(Json.Str(json, "code").AsSecret(), Json.Str(json, "state"), json["iss"]?.GetValue<string>()),
        "denied" => new CallbackParams.Denied(Json.Str(json, "error"), Json.Str(json, "errorDescription"), Json.Str(json, "state"), json["iss"]?.GetValue<string>()),
        var kind => throw new FormatException($"Unknown callback kind '{kind}'."),
    };

    // Absent or null: Wix's page.
    private static LoginMethod Method(JsonNode? json) => json is null ? LoginMethod.WixPage : Json.Str(json, "kind") switch
    {
        "sessionToken" => new LoginMethod.WithSessionToken(Json.Str(json, "sessionToken").AsSecret()) { Member = Optional(json["member"]).Map(Identity) },
        "social" => new LoginMethod.Social(new IdentityProvider(Json.Str(json, "idp"))),
        var kind => throw new FormatException($"Unknown login method '{kind}'."),
    };

    private static TokenPair Tokens(JsonNode json) => new(
        new AccessToken(Json.Str(json["accessToken"]!, "value").AsSecret(), Instant(json["accessToken"]!, "expiresAt")),
        new RefreshToken(Json.Str(json["refreshToken"]!, "value").AsSecret(), Json.Str(json["refreshToken"]!, "role") switch
        {
            "member" => TokenRole.Member,
            "visitor" => TokenRole.Visitor,
            "none" => TokenRole.None,
            var role => throw new FormatException($"Unknown role '{role}'."),
        }));

    private static Option<TokenPair> Visitor(JsonNode json) => Optional(json["visitor"]).Map(Tokens);

    private static MemberIdentity Identity(JsonNode json) => new(
        Json.Str(json, "memberId"), json["contactId"]?.GetValue<string>(), json["email"]?.GetValue<string>(), json["emailVerified"]?.GetValue<bool>());

    private static DateTimeOffset Instant(JsonNode json, string name) => SpecJson.ReadInstant(Json.Str(json, name));
}

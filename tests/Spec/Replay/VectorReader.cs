using Wix.Auth.Tests.Shared;
using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// Reads vector inputs back into the core's types, as a port would: independently of how the generator built
/// them, so a vector that cannot be read the documented way fails here.
/// </summary>
internal static class VectorReader
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(RepoRoot.File("spec", "vectors", name)))!.AsObject();

    public static FlowSettings Settings(JsonNode json) => new(Str(json, "clientId"))
    {
        PendingLoginTtl = TimeSpan.FromSeconds(json["pendingLoginTtlSeconds"]!.GetValue<long>()),
        RefreshMargin = TimeSpan.FromSeconds(json["refreshMarginSeconds"]!.GetValue<long>()),
        AllowedOrigins = json["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()).ToSeq(),
        ExpectedIssuer = OptStr(json, "expectedIssuer"),
    };

    public static ResponseMode Mode(string wire) => wire switch
    {
        "fragment" => ResponseMode.Fragment,
        "query" => ResponseMode.Query,
        "web_message" => ResponseMode.WebMessage,
        _ => throw new FormatException($"Unknown responseMode '{wire}'."),
    };

    public static LoginEvent Event(JsonNode json) => Str(json, "kind") switch
    {
        "LoginRequested" => new LoginEvent.LoginRequested(OAuthData(json["oauthData"]!), Prompt(Str(json, "prompt")), Mode(Str(json, "responseMode")), Now(json))
        {
            Method = Method(json["method"]),
        },
        "VisitorTokensRequested" => new LoginEvent.VisitorTokensRequested(Now(json)),
        "VisitorTokensReceived" => new LoginEvent.VisitorTokensReceived(TokenResponse(json["response"]!), Now(json)),
        "LoginSessionCreated" => new LoginEvent.LoginSessionCreated(Str(json, "authUrl")),
        "CallbackReceived" => new LoginEvent.CallbackReceived(
            CallbackParser.ParseFromUrl(Str(json, "url"), Mode(Str(json, "responseMode"))).Match(p => p, e => throw new FormatException($"Callback URL does not parse: {e.Code}")),
            Str(json, "expectedState"), Now(json)),
        "PendingLoginTaken" => new LoginEvent.PendingLoginTaken(Pending(json["pending"]!)),
        "PendingLoginGone" => new LoginEvent.PendingLoginGone(),
        "CodeExchanged" => new LoginEvent.CodeExchanged(TokenResponse(json["response"]!), Now(json)),
        "RefreshRequested" => new LoginEvent.RefreshRequested(Now(json)),
        "TokensRefreshed" => new LoginEvent.TokensRefreshed(TokenResponse(json["response"]!), Now(json)),
        "LogoutRequested" => new LoginEvent.LogoutRequested(Str(json, "postLogoutUrl"), Now(json), OptStr(json, "redirectUri")),
        "TokensSet" => new LoginEvent.TokensSet(Tokens(json["tokens"]!)),
        "SessionDiscarded" => new LoginEvent.SessionDiscarded(),
        "LogoutSessionCreated" => new LoginEvent.LogoutSessionCreated(Str(json, "logoutUrl")),
        "VisitorTokensFailed" => new LoginEvent.VisitorTokensFailed(WixError(json["error"]!)),
        "LoginSessionFailed" => new LoginEvent.LoginSessionFailed(WixError(json["error"]!)),
        "CodeExchangeFailed" => new LoginEvent.CodeExchangeFailed(WixError(json["error"]!)),
        "RefreshFailed" => new LoginEvent.RefreshFailed(WixError(json["error"]!)),
        "LogoutSessionFailed" => new LoginEvent.LogoutSessionFailed(WixError(json["error"]!)),
        "MemberIdentityRequested" => new LoginEvent.MemberIdentityRequested(),
        "MemberIdentityReceived" => new LoginEvent.MemberIdentityReceived(new TokenInfoReply(
            json["reply"]!["active"]!.GetValue<bool>(), OptStr(json["reply"]!, "subjectType"), OptStr(json["reply"]!, "subjectId"))),
        "MemberIdentityFetchFailed" => new LoginEvent.MemberIdentityFetchFailed(WixError(json["error"]!)),
        var kind => throw new FormatException($"Unknown event kind '{kind}'."),
    };

    public static OAuthData OAuthData(JsonNode json) => new(
        Str(json, "redirectUri"), json["originalUri"]?.GetValue<string>(), Str(json, "codeVerifier").AsSecret(), Str(json, "codeChallenge"), Str(json, "state"));

    public static PendingLogin Pending(JsonNode json) => new(
        OAuthData(json["data"]!), Prompt(Str(json, "prompt")), Mode(Str(json, "responseMode")), SpecJson.ReadInstant(Str(json, "createdAt")))
    {
        Member = Optional(json["member"]).Map(m => new MemberIdentity(
            Str(m, "memberId"), m["contactId"]?.GetValue<string>(), m["email"]?.GetValue<string>(), m["emailVerified"]?.GetValue<bool>())),
    };

    // Absent or null: Wix's page.
    private static LoginMethod Method(JsonNode? json) => json is null ? LoginMethod.WixPage : Str(json, "kind") switch
    {
        "sessionToken" => new LoginMethod.WithSessionToken(Str(json, "sessionToken").AsSecret())
        {
            Member = Optional(json["member"]).Map(m => new MemberIdentity(
                Str(m, "memberId"), m["contactId"]?.GetValue<string>(), m["email"]?.GetValue<string>(), m["emailVerified"]?.GetValue<bool>())),
        },
        "social" => new LoginMethod.Social(new IdentityProvider(Str(json, "idp"))),
        var kind => throw new FormatException($"Unknown login method '{kind}'."),
    };

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    public static Option<string> OptStr(JsonNode json, string name) => Optional(json[name]?.GetValue<string>());

    public static string Str(JsonNode json, string name) =>
        json[name]?.GetValue<string>() ?? throw new FormatException($"'{name}' is missing in {json.ToJsonString()}");

    private static DateTimeOffset Now(JsonNode json) => SpecJson.ReadInstant(Str(json, "now"));

    private static Prompt Prompt(string wire) => wire switch
    {
        "login" => Core.Protocol.Prompt.Login,
        "none" => Core.Protocol.Prompt.None,
        _ => throw new FormatException($"Unknown prompt '{wire}'."),
    };

    public static TokenResponse TokenResponse(JsonNode json) => new(
        Str(json, "access_token").AsSecret(), OptStr(json, "refresh_token").Map(r => r.AsSecret()), json["expires_in"]!.GetValue<long>());

    private static Tokens Tokens(JsonNode json) => new(
        new AccessToken(Str(json["accessToken"]!, "value").AsSecret(), SpecJson.ReadInstant(Str(json["accessToken"]!, "expiresAt"))),
        new RefreshToken(Str(json["refreshToken"]!, "value").AsSecret(), Str(json["refreshToken"]!, "role") switch
        {
            "member" => TokenRole.Member,
            "visitor" => TokenRole.Visitor,
            "none" => TokenRole.None,
            var role => throw new FormatException($"Unknown role '{role}'."),
        }));

    private static WixError WixError(JsonNode json) => new(
        Str(json, "code"), OptStr(json, "description"), Optional(json["httpStatus"]?.GetValue<int>()), OptStr(json, "requestId"));
}

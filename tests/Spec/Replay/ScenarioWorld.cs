using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Ports;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>What one step of a scenario in <c>scenarios.json</c> ended in, as the file's <c>expect</c> names it.</summary>
internal sealed record ScenarioOutcome(LoginState State, Option<AuthError> Error, Option<string> Redirect, bool PendingLogin, IReadOnlyList<WixRequest> Calls)
{
    /// <summary>The outcome in the file's terms; only the fields the step's <c>expect</c> names are compared.</summary>
    public JsonObject Observed(JsonObject expect)
    {
        var all = new JsonObject
        {
            ["calls"] = SpecJson.Array(Calls.Select(Call)),
            ["error"] = Error.Case is AuthError e ? e.Code : null,
            ["redirect"] = Redirect.Case as string,
            ["state"] = State.GetType().Name,
            ["member"] = LoginQueries.IsMember(State),
            ["accessToken"] = LoginQueries.TokensOf(State).Case is Tokens t ? t.AccessToken.Value.Reveal() : null,
            ["pendingLogin"] = PendingLogin,
        };
        var observed = new JsonObject();
        foreach (var (name, expected) in expect)
            observed[name] = name == "calls" ? Subsets(expected!.AsArray(), all[name]!.AsArray()) : all[name]?.DeepClone();
        return observed;
    }

    // Each call keeps only the fields its expectation names; a call more or less still shows.
    private static JsonArray Subsets(JsonArray expected, JsonArray actual) =>
        SpecJson.Array(actual.Select((call, i) => i < expected.Count ? Only(call!.AsObject(), expected[i]!.AsObject()) : call!.DeepClone()));

    private static JsonNode Only(JsonObject call, JsonObject names) =>
        new JsonObject(names.Select(n => KeyValuePair.Create(n.Key, call[n.Key]?.DeepClone())));

    private static JsonObject Call(WixRequest request) => request switch
    {
        WixRequest.AnonymousGrant => new() { ["kind"] = "anonymous" },
        WixRequest.AuthorizationCodeGrant g => new() { ["kind"] = "authorization_code", ["code"] = g.Code.Reveal(), ["codeVerifier"] = g.CodeVerifier.Reveal(), ["redirectUri"] = g.RedirectUri },
        WixRequest.RefreshTokenGrant g => new() { ["kind"] = "refresh_token", ["refreshToken"] = g.RefreshToken.Reveal() },
        WixRequest.LoginSession s => new()
        {
            ["kind"] = "login", ["authorization"] = s.AccessToken.Reveal(), ["redirectUri"] = s.AuthRequest.RedirectUri, ["codeChallenge"] = s.AuthRequest.CodeChallenge,
            ["responseMode"] = s.AuthRequest.ResponseMode, ["state"] = s.AuthRequest.State, ["prompt"] = s.Prompt,
        },
        WixRequest.LogoutSession s => new() { ["kind"] = "logout", ["authorization"] = s.AccessToken.Reveal(), ["postFlowUrl"] = s.PostFlowUrl },
        _ => new() { ["kind"] = request.GetType().Name },
    };
}

/// <summary>
/// Wix as a scenario step scripts it: each call gets the step's next answer, in order, and is recorded. Both replays use
/// it, the core's by hand and the interpreter's as its <see cref="IWixApi"/>.
/// </summary>
internal sealed class ScriptedAnswers(JsonArray answers) : IWixApi
{
    private int next;

    public List<WixRequest> Calls { get; } = [];

    public Either<WixError, TokenResponse> Tokens(WixRequest request) =>
        Next(request).Bind(a => a["tokens"] is { } t
            ? Right<WixError, TokenResponse>(new TokenResponse(VectorReader.Str(t, "access_token").AsSecret(), VectorReader.OptStr(t, "refresh_token").Map(r => r.AsSecret()), t["expires_in"]!.GetValue<long>()))
            : throw new FormatException($"A token call was answered with {a.ToJsonString()}."));

    public Either<WixError, string> Session(WixRequest request) =>
        Next(request).Map(a => VectorReader.Str(a, "url"));

    public void AssertAllUsed(string where)
    {
        if (next != answers.Count) throw new FormatException($"{where}: {answers.Count - next} scripted answers of Wix were not asked for.");
    }

    public ValueTask<AuthResult<TokenResponse, AuthError>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(Answer(Tokens(request)));

    public ValueTask<AuthResult<string, AuthError>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(Answer(Session(request)));

    // What the HTTP layer hands the interpreter: the answer, or Wix's error as a failed remote call.
    private static AuthResult<T, AuthError> Answer<T>(Either<WixError, T> scripted) =>
        scripted.Match(AuthResult<T, AuthError>.Success, error => new AuthError.RemoteCallFailed(error));

    private Either<WixError, JsonNode> Next(WixRequest request)
    {
        Calls.Add(request);
        var answer = next < answers.Count ? answers[next++]! : throw new FormatException($"No scripted answer for {request.GetType().Name}.");
        return answer["error"] is { } e
            ? new WixError(VectorReader.Str(e, "code"), None, Optional(e["httpStatus"]?.GetValue<int>()), None)
            : Right<WixError, JsonNode>(answer);
    }
}

/// <summary>Reads a scenario step's host event, as a port would from the file's documented fields.</summary>
internal static class ScenarioEvents
{
    public static LoginEvent Host(JsonNode host, OAuthData data, DateTimeOffset now) => VectorReader.Str(host, "kind") switch
    {
        "LoginRequested" => new LoginEvent.LoginRequested(data, VectorReader.Str(host, "prompt") == "none" ? Prompt.None : Prompt.Login, VectorReader.Mode(VectorReader.Str(host, "responseMode")), now),
        "CallbackReceived" => new LoginEvent.CallbackReceived(
            CallbackParser.ParseFromUrl(VectorReader.Str(host, "url"), VectorReader.Mode(VectorReader.Str(host, "responseMode"))).Match(p => p, e => throw new FormatException(e.Code)),
            VectorReader.Str(host, "expectedState"), now),
        "RefreshRequested" => new LoginEvent.RefreshRequested(now),
        "VisitorTokensRequested" => new LoginEvent.VisitorTokensRequested(now),
        "LogoutRequested" => new LoginEvent.LogoutRequested(VectorReader.Str(host, "postLogoutUrl"), now, VectorReader.OptStr(host, "redirectUri")),
        var kind => throw new FormatException($"Unknown host event '{kind}'."),
    };

    /// <summary>The step's time: its host event's <c>now</c>, else the time of the step before.</summary>
    public static DateTimeOffset Now(JsonNode host, DateTimeOffset before) =>
        host["now"] is { } now ? SpecJson.ReadInstant(now.GetValue<string>()) : before;

    /// <summary>The OAuth data of a login: the file's, with the step's own <c>state</c> when it names one.</summary>
    public static OAuthData Data(JsonNode file, JsonNode host) =>
        VectorReader.OptStr(host, "state").Match(s => VectorReader.OAuthData(file["oauthData"]!) with { State = s }, () => VectorReader.OAuthData(file["oauthData"]!));
}

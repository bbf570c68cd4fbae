using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;
using Wix.Auth.SpecGen.Json;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>
/// An event together with the JSON a port reads it from. Built in one place so the two cannot disagree:
/// a callback travels as its URL (ports run their own parser on it), a login as its OAuth data and, when
/// the data came from <c>GenerateOAuthData</c>, the entropy it came from.
/// </summary>
public sealed record SpecEvent(LoginEvent Event, JsonObject Json)
{
    /// <summary>The host asks for a login URL with OAuth data generated from <paramref name="entropy"/>.</summary>
    public static SpecEvent LoginRequested(byte[] entropy, string redirectUri, Option<string> originalUri, DateTimeOffset now,
        Prompt prompt = Prompt.Login, ResponseMode mode = ResponseMode.Fragment)
    {
        var data = Pkce.GenerateOAuthData(redirectUri, originalUri, entropy)
            .Match(d => d, errors => throw new InvalidOperationException($"Fixture entropy must make valid OAuth data: {errors.Head.Code}"));
        var e = LoginRequested(data, now, prompt, mode);
        e.Json["entropy"] = SpecJson.Hex(entropy);
        return e;
    }

    /// <summary>
    /// The host asks for a login URL with OAuth data as given (possibly not from <c>GenerateOAuthData</c>), on Wix's page
    /// unless <paramref name="method"/> names a session token or a social provider (then, and only then, the JSON has a
    /// <c>method</c>).
    /// </summary>
    public static SpecEvent LoginRequested(OAuthData data, DateTimeOffset now, Prompt prompt = Prompt.Login, ResponseMode mode = ResponseMode.Fragment,
        LoginMethod? method = null)
    {
        var json = new JsonObject
        {
            ["kind"] = "LoginRequested", ["oauthData"] = CoreJson.OAuthData(data), ["prompt"] = prompt.ToWire(),
            ["responseMode"] = mode.ToWire(), ["now"] = SpecJson.Instant(now),
        };
        if (method is not null && CoreJson.Method(method) is { } m) json["method"] = m;
        return new(new LoginEvent.LoginRequested(data, prompt, mode, now) { Method = method ?? LoginMethod.WixPage }, json);
    }

    /// <summary>The host asks for visitor tokens.</summary>
    public static SpecEvent VisitorTokensRequested(DateTimeOffset now) =>
        new(new LoginEvent.VisitorTokensRequested(now), new JsonObject { ["kind"] = "VisitorTokensRequested", ["now"] = SpecJson.Instant(now) });

    /// <summary>Wix granted visitor tokens.</summary>
    public static SpecEvent VisitorTokensReceived(TokenResponse response, DateTimeOffset now) =>
        new(new LoginEvent.VisitorTokensReceived(response, now), WithResponse("VisitorTokensReceived", response, now));

    /// <summary>Wix created the login Redirect Session.</summary>
    public static SpecEvent LoginSessionCreated(string authUrl) =>
        new(new LoginEvent.LoginSessionCreated(authUrl), new JsonObject { ["kind"] = "LoginSessionCreated", ["authUrl"] = authUrl });

    /// <summary>
    /// The member came back to <paramref name="url"/> for the login the host bound to the browser (<paramref name="expectedState"/>,
    /// by default the state the URL carries); the URL must parse (a parse failure never becomes an event).
    /// </summary>
    public static SpecEvent CallbackReceived(string url, DateTimeOffset now, ResponseMode mode = ResponseMode.Fragment, string? expectedState = null)
    {
        var parsed = CallbackParser.ParseFromUrl(url, mode).Match(p => p, e => throw new InvalidOperationException($"Fixture callback does not parse: {e.Code}"));
        var expected = expectedState ?? parsed.State;
        return new(new LoginEvent.CallbackReceived(parsed, expected, now),
            new JsonObject { ["kind"] = "CallbackReceived", ["url"] = url, ["responseMode"] = mode.ToWire(), ["expectedState"] = expected, ["now"] = SpecJson.Instant(now) });
    }

    /// <summary>The store handed out the pending login.</summary>
    public static SpecEvent PendingLoginTaken(PendingLogin pending) =>
        new(new LoginEvent.PendingLoginTaken(pending), new JsonObject { ["kind"] = "PendingLoginTaken", ["pending"] = CoreJson.Pending(pending) });

    /// <summary>The store had no such pending login.</summary>
    public static SpecEvent PendingLoginGone() => new(new LoginEvent.PendingLoginGone(), new JsonObject { ["kind"] = "PendingLoginGone" });

    /// <summary>Wix exchanged the code for tokens.</summary>
    public static SpecEvent CodeExchanged(TokenResponse response, DateTimeOffset now) =>
        new(new LoginEvent.CodeExchanged(response, now), WithResponse("CodeExchanged", response, now));

    /// <summary>The host asks for fresh tokens.</summary>
    public static SpecEvent RefreshRequested(DateTimeOffset now) =>
        new(new LoginEvent.RefreshRequested(now), new JsonObject { ["kind"] = "RefreshRequested", ["now"] = SpecJson.Instant(now) });

    /// <summary>Wix refreshed the tokens.</summary>
    public static SpecEvent TokensRefreshed(TokenResponse response, DateTimeOffset now) =>
        new(new LoginEvent.TokensRefreshed(response, now), WithResponse("TokensRefreshed", response, now));

    /// <summary>The host needs to know who the member is.</summary>
    public static SpecEvent MemberIdentityRequested() =>
        new(new LoginEvent.MemberIdentityRequested(), new JsonObject { ["kind"] = "MemberIdentityRequested" });

    /// <summary>Wix's token info answered.</summary>
    public static SpecEvent MemberIdentityReceived(TokenInfoReply reply) =>
        new(new LoginEvent.MemberIdentityReceived(reply), new JsonObject { ["kind"] = "MemberIdentityReceived", ["reply"] = CoreJson.TokenInfo(reply) });

    /// <summary>The host asks to log out.</summary>
    public static SpecEvent LogoutRequested(string postLogoutUrl, DateTimeOffset now, string? redirectUri = null) =>
        new(new LoginEvent.LogoutRequested(postLogoutUrl, now, Prelude.Optional(redirectUri)),
            new JsonObject { ["kind"] = "LogoutRequested", ["postLogoutUrl"] = postLogoutUrl, ["now"] = SpecJson.Instant(now), ["redirectUri"] = redirectUri });

    /// <summary>The host discards the session without Wix.</summary>
    public static SpecEvent SessionDiscarded() => new(new LoginEvent.SessionDiscarded(), new JsonObject { ["kind"] = "SessionDiscarded" });

    /// <summary>The host sets the session's tokens (<c>setTokens</c>).</summary>
    public static SpecEvent TokensSet(TokenPair tokens) =>
        new(new LoginEvent.TokensSet(tokens), new JsonObject { ["kind"] = "TokensSet", ["tokens"] = CoreJson.Tokens(tokens) });

    /// <summary>Wix created the logout Redirect Session.</summary>
    public static SpecEvent LogoutSessionCreated(string logoutUrl) =>
        new(new LoginEvent.LogoutSessionCreated(logoutUrl), new JsonObject { ["kind"] = "LogoutSessionCreated", ["logoutUrl"] = logoutUrl });

    /// <summary>Wix did not grant visitor tokens.</summary>
    public static SpecEvent VisitorTokensFailed(WixError error) => Failed("VisitorTokensFailed", new LoginEvent.VisitorTokensFailed(error), error);

    /// <summary>Wix did not create the login Redirect Session.</summary>
    public static SpecEvent LoginSessionFailed(WixError error) => Failed("LoginSessionFailed", new LoginEvent.LoginSessionFailed(error), error);

    /// <summary>Wix refused the code or could not be reached.</summary>
    public static SpecEvent CodeExchangeFailed(WixError error) => Failed("CodeExchangeFailed", new LoginEvent.CodeExchangeFailed(error), error);

    /// <summary>Wix refused the refresh or could not be reached.</summary>
    public static SpecEvent RefreshFailed(WixError error) => Failed("RefreshFailed", new LoginEvent.RefreshFailed(error), error);

    /// <summary>Wix's token info refused or could not be reached.</summary>
    public static SpecEvent MemberIdentityFetchFailed(WixError error) => Failed("MemberIdentityFetchFailed", new LoginEvent.MemberIdentityFetchFailed(error), error);

    /// <summary>Wix did not create the logout Redirect Session.</summary>
    public static SpecEvent LogoutSessionFailed(WixError error) => Failed("LogoutSessionFailed", new LoginEvent.LogoutSessionFailed(error), error);

    private static SpecEvent Failed(string kind, LoginEvent e, WixError error) =>
        new(e, new JsonObject { ["kind"] = kind, ["error"] = CoreJson.WixError(error) });

    private static JsonObject WithResponse(string kind, TokenResponse response, DateTimeOffset now) =>
        new() { ["kind"] = kind, ["response"] = CoreJson.TokenResponse(response), ["now"] = SpecJson.Instant(now) };
}

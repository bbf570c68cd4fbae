using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using static Wix.Auth.SpecGen.Cases.Fixtures;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>
/// Flows that pin the choices spec/flow.md describes at their boundaries, so that a port that gets one wrong fails a
/// vector: the pending login's TTL (inclusive), the state checked before the TTL, the refresh margin at login, the
/// classes of refresh failure, an empty refresh token, the expected issuer; and the choices a port could otherwise flip
/// unseen: the state checked before the issuer, the shortest state and the verifier's bounds, a token answer without a
/// refresh token, the redirect URI a logout falls back to, an empty error description, when a callback in flight counts
/// as abandoned, a login's method kept while it waits for visitor tokens.
/// </summary>
public static class ChoiceScenarios
{
    private static readonly double Ttl = Settings.PendingLoginTtl.TotalSeconds;

    private static SpecEvent[] LoginUntilTheCallback(double callbackAt) =>
    [
        SpecEvent.LoginRequested(EntropyA, RedirectUri, Some(OriginalUri), At(0)),
        SpecEvent.VisitorTokensReceived(Visitor, At(0)),
        SpecEvent.LoginSessionCreated(AuthUrl),
        SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(callbackAt)),
        SpecEvent.PendingLoginTaken(PendingA),
    ];

    private static SpecEvent[] FreshVisitor => [SpecEvent.VisitorTokensRequested(At(0)), SpecEvent.VisitorTokensReceived(Visitor, At(0))];

    private static SpecEvent[] LoggedIn => [.. LoginUntilTheCallback(60), SpecEvent.CodeExchanged(Member, At(61))];

    /// <summary>The first login's data with <paramref name="verifier"/> (and its true challenge) or a shorter state.</summary>
    private static OAuthData With(string? verifier = null, string? state = null) =>
        DataA with
        {
            CodeVerifier = new Secret(verifier ?? DataA.CodeVerifier.Reveal()),
            CodeChallenge = Pkce.CodeChallenge(verifier ?? DataA.CodeVerifier.Reveal()),
            State = state ?? DataA.State,
        };

    private static WixError Status(int status, string code) => new(code, None, Some(status), Some("spec-request-2"));

    /// <summary>The flows, named by the choice each pins.</summary>
    public static IReadOnlyList<(string Name, SpecEvent[] Events)> All() =>
    [
        ("choice: a pending login is good up to exactly its TTL", LoginUntilTheCallback(Ttl)),
        ("choice: a second past its TTL, the pending login has expired", LoginUntilTheCallback(Ttl + 1)),
        ("choice: the state is checked before the TTL, and a wrong one takes nothing", [
            .. LoginUntilTheCallback(Ttl + 100)[..3],
            SpecEvent.CallbackReceived(Callbacks.Granted(DataB.State), At(Ttl + 100), expectedState: DataA.State),
        ]),
        ("choice: the expected issuer must be present and equal", [
            .. LoginUntilTheCallback(60)[..3],
            SpecEvent.CallbackReceived($"{RedirectUri}#code={Code}&state={DataA.State}", At(60)),
            SpecEvent.CallbackReceived($"{RedirectUri}#code={Code}&state={DataA.State}&iss={Uri.EscapeDataString(Issuer + "/")}", At(60)),
            SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(60)),
        ]),
        ("choice: visitor tokens are kept for a login until the refresh margin, not into it", [
            SpecEvent.VisitorTokensRequested(At(0)),
            SpecEvent.VisitorTokensReceived(Visitor, At(0)),
            SpecEvent.LoginRequested(EntropyA, RedirectUri, None, At(Visitor.ExpiresIn - Settings.RefreshMargin.TotalSeconds - 1)),
            SpecEvent.LoginRequested(EntropyB, RedirectUri, None, At(Visitor.ExpiresIn - Settings.RefreshMargin.TotalSeconds)),
        ]),
        ("choice: a member's tokens are renewed from the margin on", [
            .. LoggedIn,
            SpecEvent.RefreshRequested(At(61 + Member.ExpiresIn - Settings.RefreshMargin.TotalSeconds - 1)),
            SpecEvent.RefreshRequested(At(61 + Member.ExpiresIn - Settings.RefreshMargin.TotalSeconds)),
        ]),
        ("choice: 408, 429 and 5XX leave a refresh unavailable; another 4XX refuses it", [
            .. LoggedIn,
            SpecEvent.RefreshRequested(At(20000)),
            SpecEvent.RefreshFailed(Status(408, "http_408")),
            SpecEvent.RefreshFailed(Status(429, "http_error")),
            SpecEvent.RefreshFailed(Status(500, "INTERNAL")),
            SpecEvent.RefreshFailed(Status(503, "http_503")),
            SpecEvent.RefreshFailed(WixError.Of(WixError.Timeout)),
            SpecEvent.RefreshFailed(WixError.Of(WixError.InvalidResponse)),
            SpecEvent.RefreshFailed(Status(403, "FORBIDDEN")),
        ]),
        ("choice: a refresh answer with an empty refresh token keeps the one used", [
            .. LoggedIn,
            SpecEvent.RefreshRequested(At(20000)),
            SpecEvent.TokensRefreshed(new TokenResponse("member-access-3".AsSecret(), Some(new Secret("")), 14400), At(20001)),
            SpecEvent.RefreshRequested(At(40000)),
            SpecEvent.TokensRefreshed(new TokenResponse("member-access-4".AsSecret(), Some("member-refresh-2".AsSecret()), 14400), At(40001)),
        ]),
        ("choice: the state is checked before the issuer: a wrong state without iss is a state mismatch", [
            .. LoginUntilTheCallback(60)[..3],
            SpecEvent.CallbackReceived($"{RedirectUri}#code={Code}&state={DataB.State}", At(60), expectedState: DataA.State),
            SpecEvent.CallbackReceived($"{RedirectUri}#code={Code}&state={DataB.State}&iss=https%3A%2F%2Fevil.example", At(60), expectedState: DataA.State),
        ]),
        ("choice: a state has at least 43 characters", [
            SpecEvent.LoginRequested(With(state: DataA.State[..42]), At(0)),
            SpecEvent.LoginRequested(With(state: DataA.State[..43]), At(0)),
        ]),
        ("choice: a verifier has 43 to 128 unreserved characters, each checked", [
            SpecEvent.LoginRequested(With(verifier: new string('a', 42)), At(0)),
            SpecEvent.LoginRequested(With(verifier: new string('a', 129)), At(0)),
            SpecEvent.LoginRequested(With(verifier: new string('a', 42) + "+"), At(0)),
            SpecEvent.LoginRequested(With(verifier: "~" + new string('a', 41) + "/"), At(0)),
            SpecEvent.LoginRequested(With(verifier: "-._~" + new string('Z', 124)), At(0)),
            SpecEvent.LoginRequested(With(verifier: new string('9', 43)), At(0)),
        ]),
        ("choice: a code exchange without a refresh token leaves the member an empty one, still the member's", [
            .. LoginUntilTheCallback(60),
            SpecEvent.CodeExchanged(new TokenResponse("member-access-1".AsSecret(), None, 14400), At(61)),
        ]),
        ("choice: visitor tokens without a refresh token keep the visitor's role", [
            SpecEvent.VisitorTokensRequested(At(0)),
            SpecEvent.VisitorTokensReceived(new TokenResponse("visitor-access-1".AsSecret(), Some(new Secret("")), 14400), At(0)),
        ]),
        ("choice: a logout checks its URL with the host's redirect URI first, the session's only when the host names none", [
            .. LoggedIn,
            SpecEvent.LogoutRequested("https://shop.example/bye", At(100), redirectUri: "https://other.example/callback"),
            SpecEvent.LogoutRequested("/bye", At(100), redirectUri: "https://other.example/callback"),
        ]),
        ("choice: without the host's redirect URI, a logout falls back to the session's login", [
            .. LoggedIn,
            SpecEvent.LogoutRequested("https://other.example/bye", At(100)),
            SpecEvent.LogoutRequested("/bye", At(100)),
        ]),
        ("choice: an empty error description stays empty", [
            .. LoginUntilTheCallback(60)[..3],
            SpecEvent.CallbackReceived($"{RedirectUri}#error=access_denied&error_description=&state={DataA.State}&iss={Uri.EscapeDataString(Issuer)}", At(60)),
            SpecEvent.PendingLoginTaken(PendingA),
        ]),
        ("choice: a callback in flight for exactly the TTL is not abandoned; a second more, it is", [
            .. LoginUntilTheCallback(60)[..4],
            SpecEvent.LoginRequested(EntropyB, RedirectUri, None, At(60 + Ttl)),
            SpecEvent.LoginRequested(EntropyB, RedirectUri, None, At(60 + Ttl + 1)),
        ]),
        ("choice: token info names the member only for an active MEMBER token with an ID of 1 to 256 characters", [
            .. LoggedIn,
            SpecEvent.MemberIdentityRequested(),
            SpecEvent.MemberIdentityReceived(new(false, Some("MEMBER"), Some("spec-member-1"))),
            SpecEvent.MemberIdentityReceived(new(true, Some("VISITOR"), Some("spec-visitor-1"))),
            SpecEvent.MemberIdentityReceived(new(true, Some("MEMBER"), Some(""))),
            SpecEvent.MemberIdentityReceived(new(true, Some("MEMBER"), Some(new string('m', 257)))),
            SpecEvent.MemberIdentityReceived(new(true, Some("MEMBER"), Some(new string('m', 256)))),
        ]),
        ("choice: a session token login is silent whatever was asked and sends the token and its member; a social one sends its provider", [
            .. FreshVisitor,
            SpecEvent.LoginRequested(DataA, At(1), method: new LoginMethod.WithSessionToken("spec-session-token".AsSecret()) { Member = Some(FormMember) }),
            SpecEvent.LoginRequested(DataB, At(2), mode: ResponseMode.Query, method: new LoginMethod.Social(IdentityProvider.Google)),
            SpecEvent.LoginRequested(DataA, At(3), method: new LoginMethod.Social(new IdentityProvider("c0ffee00-0000-4000-8000-000000000001"))),
        ]),
        ("choice: a login waiting for visitor tokens keeps its method in its state, and sends it once they come", [
            SpecEvent.LoginRequested(DataA, At(0), method: new LoginMethod.WithSessionToken("spec-session-token".AsSecret()) { Member = Some(FormMember) }),
            SpecEvent.VisitorTokensReceived(Visitor, At(1)),
            SpecEvent.SessionDiscarded(),
            SpecEvent.LoginRequested(DataB, At(2), method: new LoginMethod.Social(IdentityProvider.Google)),
            SpecEvent.VisitorTokensReceived(Visitor, At(3)),
        ]),
        ("choice: an empty session token or provider, and a social login that would be silent or in a hidden frame, are refused", [
            .. FreshVisitor,
            SpecEvent.LoginRequested(DataA, At(1), method: new LoginMethod.WithSessionToken(new Secret(""))),
            SpecEvent.LoginRequested(DataA, At(1), method: new LoginMethod.Social(new IdentityProvider(""))),
            SpecEvent.LoginRequested(DataA, At(1), method: new LoginMethod.Social(new IdentityProvider(" "))),
            SpecEvent.LoginRequested(DataA, At(1), Prompt.None, method: new LoginMethod.Social(IdentityProvider.Facebook)),
            SpecEvent.LoginRequested(DataA, At(1), mode: ResponseMode.WebMessage, method: new LoginMethod.Social(IdentityProvider.Facebook)),
            SpecEvent.LoginRequested(DataA, At(1), Prompt.None, ResponseMode.WebMessage, new LoginMethod.WithSessionToken("spec-session-token".AsSecret())),
        ]),
    ];
}

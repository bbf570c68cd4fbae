using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using static Wix.Auth.SpecGen.Cases.Fixtures;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>
/// Flows that pin the choices spec/flow.md describes at their boundaries, so that a port that gets one wrong fails a
/// vector: the pending login's TTL (inclusive), the state checked before the TTL, the refresh margin at login, the
/// classes of refresh failure, an empty refresh token, the expected issuer.
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

    private static SpecEvent[] LoggedIn => [.. LoginUntilTheCallback(60), SpecEvent.CodeExchanged(Member, At(61))];

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
    ];
}

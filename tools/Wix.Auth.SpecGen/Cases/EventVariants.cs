using Wix.Auth.Core.Credentials;
using static LanguageExt.Prelude;
using static Wix.Auth.SpecGen.Cases.Fixtures;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>
/// A representative of an event, named for people. Several per kind where the answer depends on the event's
/// content (a forged state, an expired login, a disallowed URL), so that every typed rejection has a row.
/// Events happen two minutes after <see cref="Fixtures.T0"/> unless their name says otherwise.
/// </summary>
public sealed record EventVariant(string Name, SpecEvent Event)
{
    /// <summary>Every representative; the table checks that every kind of event has one.</summary>
    public static IReadOnlyList<EventVariant> All { get; } = Build();

    private static IReadOnlyList<EventVariant> Build()
    {
        var now = At(120);
        return
        [
            new("LoginRequested", SpecEvent.LoginRequested(EntropyB, RedirectUri, Some(OriginalUri), now)),
            new("LoginRequested, challenge not the verifier's", SpecEvent.LoginRequested(DataB with { CodeChallenge = DataA.CodeChallenge }, now)),
            new("LoginRequested, original URI not http(s)", SpecEvent.LoginRequested(DataB with { OriginalUri = "javascript:alert(1)" }, now)),
            new("LoginRequested, original URI of another origin", SpecEvent.LoginRequested(DataB with { OriginalUri = "https://evil.example/" }, now)),
            new("LoginRequested, 601 s after a callback began", SpecEvent.LoginRequested(DataB, At(60 + 601))),
            new("LoginRequested, original URI a local path", SpecEvent.LoginRequested(DataB with { OriginalUri = "/cart" }, now)),
            new("VisitorTokensRequested", SpecEvent.VisitorTokensRequested(now)),
            new("VisitorTokensReceived", SpecEvent.VisitorTokensReceived(Visitor with { AccessToken = new("visitor-access-2") }, now)),
            new("VisitorTokensFailed", SpecEvent.VisitorTokensFailed(Unavailable)),
            new("LoginSessionCreated", SpecEvent.LoginSessionCreated(AuthUrl)),
            new("LoginSessionFailed", SpecEvent.LoginSessionFailed(Unavailable)),
            new("CallbackReceived, code and the pending state", SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), now)),
            new("CallbackReceived, forged state", SpecEvent.CallbackReceived(Callbacks.Granted(DataB.State), now, expectedState: DataA.State)),
            new("CallbackReceived, iss of another server", SpecEvent.CallbackReceived(Callbacks.FromAnotherIssuer(DataA.State), now)),
            new("CallbackReceived, access_denied", SpecEvent.CallbackReceived(Callbacks.Denied(DataA.State), now)),
            new("PendingLoginTaken", SpecEvent.PendingLoginTaken(PendingA)),
            new("PendingLoginTaken, made 601 s before the callback", SpecEvent.PendingLoginTaken(PendingA with { CreatedAt = At(60 - 601) })),
            new("PendingLoginGone", SpecEvent.PendingLoginGone()),
            new("CodeExchanged", SpecEvent.CodeExchanged(Member, now)),
            new("CodeExchangeFailed", SpecEvent.CodeExchangeFailed(Refused)),
            new("RefreshRequested, token fresh", SpecEvent.RefreshRequested(now)),
            new("RefreshRequested, token expires within the margin", SpecEvent.RefreshRequested(At(61 + 14400 - 30))),
            new("TokensRefreshed", SpecEvent.TokensRefreshed(Refreshed, At(61 + 14400 - 29))),
            new("RefreshFailed, refused (HTTP 400)", SpecEvent.RefreshFailed(Refused)),
            new("RefreshFailed, network error", SpecEvent.RefreshFailed(Unavailable)),
            new("MemberIdentityRequested", SpecEvent.MemberIdentityRequested()),
            new("MemberIdentityReceived, an active member's token", SpecEvent.MemberIdentityReceived(MemberTokenInfo)),
            new("MemberIdentityFetchFailed", SpecEvent.MemberIdentityFetchFailed(Unavailable)),
            new("LogoutRequested", SpecEvent.LogoutRequested(OriginalUri, now)),
            new("LogoutRequested, token expires within the margin", SpecEvent.LogoutRequested(OriginalUri, At(61 + 14400 - 30))),
            new("LogoutRequested, a local path", SpecEvent.LogoutRequested("/bye", now)),
            new("LogoutRequested, naming the host's redirect URI", SpecEvent.LogoutRequested(OriginalUri, now, RedirectUri)),
            new("LogoutRequested, URL not http(s)", SpecEvent.LogoutRequested("javascript:alert(1)", now)),
            new("LogoutRequested, URL of another origin", SpecEvent.LogoutRequested("https://evil.example/", now)),
            new("LogoutSessionCreated", SpecEvent.LogoutSessionCreated(LogoutUrl)),
            new("LogoutSessionFailed", SpecEvent.LogoutSessionFailed(Unavailable)),
            new("TokensSet, a member's", SpecEvent.TokensSet(Member.ToTokens(now, TokenRole.Member))),
            new("TokensSet, a visitor's", SpecEvent.TokensSet(Visitor.ToTokens(now, TokenRole.Visitor))),
            new("SessionDiscarded", SpecEvent.SessionDiscarded()),
        ];
    }
}

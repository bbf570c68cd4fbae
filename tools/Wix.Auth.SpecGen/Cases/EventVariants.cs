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
            new("LoginRequested, original URI not http(s)", SpecEvent.LoginRequested(DataB with { OriginalUri = Some("javascript:alert(1)") }, now)),
            new("LoginRequested, original URI of another origin", SpecEvent.LoginRequested(DataB with { OriginalUri = Some("https://evil.example/") }, now)),
            new("VisitorTokensRequested", SpecEvent.VisitorTokensRequested(now)),
            new("VisitorTokensReceived", SpecEvent.VisitorTokensReceived(Visitor with { AccessToken = new("visitor-access-2") }, now)),
            new("LoginSessionCreated", SpecEvent.LoginSessionCreated(AuthUrl)),
            new("CallbackReceived, code and the pending state", SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), now)),
            new("CallbackReceived, forged state", SpecEvent.CallbackReceived(Callbacks.Granted(DataB.State), now)),
            new("CallbackReceived, access_denied", SpecEvent.CallbackReceived(Callbacks.Denied(DataA.State), now)),
            new("CallbackReceived, 11 minutes after the login", SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(660))),
            new("CodeExchanged", SpecEvent.CodeExchanged(Member, now)),
            new("RefreshRequested, token fresh", SpecEvent.RefreshRequested(now)),
            new("RefreshRequested, token expires within the margin", SpecEvent.RefreshRequested(At(61 + 14400 - 30))),
            new("TokensRefreshed", SpecEvent.TokensRefreshed(Refreshed, At(61 + 14400 - 29))),
            new("LogoutRequested", SpecEvent.LogoutRequested(OriginalUri)),
            new("LogoutRequested, URL not http(s)", SpecEvent.LogoutRequested("/relative")),
            new("LogoutRequested, URL of another origin", SpecEvent.LogoutRequested("https://evil.example/")),
            new("LogoutSessionCreated", SpecEvent.LogoutSessionCreated(LogoutUrl)),
            new("RemoteCallFailed, refused (HTTP 400)", SpecEvent.RemoteCallFailed(Refused)),
            new("RemoteCallFailed, network error", SpecEvent.RemoteCallFailed(Unavailable)),
        ];
    }
}

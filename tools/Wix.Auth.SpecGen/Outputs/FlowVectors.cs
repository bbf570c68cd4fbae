using System.Text.Json.Nodes;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;
using static Wix.Auth.SpecGen.Cases.Fixtures;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/flows.json</c>: one flow per table row (its state's path, then its event), and a few whole
/// scenarios; after every step, the state and the effects, or the rejection.
/// </summary>
public static class FlowVectors
{
    /// <summary>The file's text.</summary>
    public static string Json(IReadOnlyList<TableRow> rows) => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["settings"] = CoreJson.Settings(Settings),
        ["initialState"] = CoreJson.State(Core.Flow.LoginState.Initial),
        ["flows"] = SpecJson.Array([
            .. rows.Select((r, i) => (JsonNode?)Flow($"row {i + 1}: {r.State.Name} + {r.Event.Name}", i + 1, [.. r.State.Path, r.Event.Event])),
            .. Scenarios().Select(s => (JsonNode?)Flow(s.Name, null, s.Events)),
            .. ChoiceScenarios.All().Select(s => (JsonNode?)Flow(s.Name, null, s.Events)),
        ]),
    });

    /// <summary>Whole journeys, beyond one row each.</summary>
    public static IReadOnlyList<(string Name, SpecEvent[] Events)> Scenarios()
    {
        var login = new[]
        {
            SpecEvent.LoginRequested(EntropyA, RedirectUri, Some(OriginalUri), At(0)),
            SpecEvent.VisitorTokensReceived(Visitor, At(1)),
            SpecEvent.LoginSessionCreated(AuthUrl),
            SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(60)),
            SpecEvent.PendingLoginTaken(PendingA),
            SpecEvent.CodeExchanged(Member, At(61)),
        };
        return
        [
            ("scenario: log in, refresh near expiry, log out", [
                .. login,
                SpecEvent.RefreshRequested(At(3600)),
                SpecEvent.RefreshRequested(At(61 + 14400 - 60)),
                SpecEvent.TokensRefreshed(Refreshed, At(61 + 14400 - 59)),
                SpecEvent.LogoutRequested(OriginalUri, At(61 + 14400)),
                SpecEvent.LogoutSessionCreated(LogoutUrl),
            ]),
            ("scenario: log out with a token near expiry: refresh first, then Wix's logout", [
                .. login,
                SpecEvent.LogoutRequested(OriginalUri, At(61 + 14400 - 30)),
                SpecEvent.TokensRefreshed(Refreshed, At(61 + 14400 - 29)),
                SpecEvent.LogoutSessionCreated(LogoutUrl),
            ]),
            ("scenario: log out with a token near expiry whose refresh is refused: a local logout", [
                .. login,
                SpecEvent.LogoutRequested(OriginalUri, At(61 + 14400 - 30)),
                SpecEvent.RefreshFailed(Refused),
            ]),
            ("scenario: tokens set during a login replace it and drop its pending login", [
                login[0], login[1], login[2],
                SpecEvent.TokensSet(Member.ToTokens(At(30), Core.Credentials.TokenRole.Member)),
                SpecEvent.RefreshRequested(At(31)),
            ]),
            ("scenario: replayed callback after login", [.. login, SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(62))]),
            ("scenario: second login replaces the first, whose callback is then forged", [
                login[0], login[1],
                SpecEvent.LoginRequested(EntropyB, RedirectUri, Some(OriginalUri), At(30)),
                SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(40), expectedState: DataB.State),
                SpecEvent.CallbackReceived(Callbacks.Granted(DataB.State), At(41)),
            ]),
            ("scenario: a callback in a session that never began the login (a web host's new session)", [
                SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(60)),
                SpecEvent.PendingLoginTaken(PendingA),
                SpecEvent.CodeExchanged(Member, At(61)),
            ]),
            ("scenario: a login that completes the site's own form knows its member, and fetches nothing", [
                SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(60)),
                SpecEvent.PendingLoginTaken(PendingA with { Prompt = Core.Protocol.Prompt.None, Member = Some(FormMember) }),
                SpecEvent.CodeExchanged(Member, At(61)),
                SpecEvent.MemberIdentityRequested(),
            ]),
            ("scenario: a login on Wix's page asks token info once it is needed, again after a failure, never after an answer", [
                .. login,
                SpecEvent.MemberIdentityRequested(),
                SpecEvent.MemberIdentityFetchFailed(Unavailable),
                SpecEvent.MemberIdentityRequested(),
                SpecEvent.MemberIdentityReceived(MemberTokenInfo),
                SpecEvent.MemberIdentityRequested(),
                SpecEvent.RefreshRequested(At(61 + 14400 - 60)),
                SpecEvent.TokensRefreshed(Refreshed, At(61 + 14400 - 59)),
                SpecEvent.MemberIdentityRequested(),
            ]),
            ("scenario: a replayed callback finds its pending login gone", [
                SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(60)),
                SpecEvent.PendingLoginGone(),
                SpecEvent.LoginRequested(EntropyB, RedirectUri, Some(OriginalUri), At(61)),
            ]),
            ("scenario: silent login in the query, Wix answers login_required", [
                SpecEvent.VisitorTokensReceived(Visitor, At(0)),
                SpecEvent.LoginRequested(EntropyA, RedirectUri, None, At(1), Core.Protocol.Prompt.None, Core.Protocol.ResponseMode.Query),
                SpecEvent.LoginSessionCreated(AuthUrl),
                SpecEvent.CallbackReceived($"{RedirectUri}?error=login_required&state={DataA.State}&iss={Uri.EscapeDataString(Issuer)}", At(5), Core.Protocol.ResponseMode.Query),
                SpecEvent.PendingLoginTaken(PendingA with { Data = DataA with { OriginalUri = null }, Prompt = Core.Protocol.Prompt.None, ResponseMode = Core.Protocol.ResponseMode.Query, CreatedAt = At(1) }),
                SpecEvent.LoginRequested(EntropyB, RedirectUri, None, At(6)),
            ]),
            ("scenario: visitor tokens expire before a login", [
                SpecEvent.VisitorTokensRequested(At(0)),
                SpecEvent.VisitorTokensReceived(Visitor, At(0)),
                SpecEvent.LoginRequested(EntropyA, RedirectUri, None, At(14400 - 59)),
            ]),
            ("scenario: refresh refused ends the session visibly", [
                .. login,
                SpecEvent.RefreshRequested(At(20000)),
                SpecEvent.RefreshFailed(Unavailable),
                SpecEvent.RefreshFailed(Refused),
                SpecEvent.RefreshRequested(At(20001)),
                SpecEvent.LoginRequested(EntropyB, RedirectUri, Some(OriginalUri), At(20002)),
            ]),
        ];
    }

    private static JsonObject Flow(string name, int? row, IReadOnlyList<SpecEvent> events) => new()
    {
        ["name"] = name,
        ["row"] = row,
        ["steps"] = SpecJson.Array(FlowRun.Run(events).Select(s => (JsonNode?)new JsonObject
        {
            ["event"] = s.Event.Json.DeepClone(),
            ["expect"] = CoreJson.Step(s.Result),
        })),
    };
}

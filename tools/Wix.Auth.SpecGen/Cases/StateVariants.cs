using static LanguageExt.Prelude;
using static Wix.Auth.SpecGen.Cases.Fixtures;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>
/// A representative of a state, named for people and reached from the initial state by <paramref name="Path"/>:
/// ports replay the same path, so every state in the table is one a real client can be in.
/// </summary>
public sealed record StateVariant(string Name, IReadOnlyList<SpecEvent> Path)
{
    /// <summary>One or more representatives of every kind of state (the table checks none is missing).</summary>
    public static IReadOnlyList<StateVariant> All { get; } = Build();

    private static IReadOnlyList<StateVariant> Build()
    {
        SpecEvent[] login = [SpecEvent.LoginRequested(EntropyA, RedirectUri, Some(OriginalUri), At(0))];
        SpecEvent[] withVisitor = [.. login, SpecEvent.VisitorTokensReceived(Visitor, At(1)), SpecEvent.LoginSessionCreated(AuthUrl)];
        SpecEvent[] taking = [.. withVisitor, SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(60))];
        SpecEvent[] exchanging = [.. taking, SpecEvent.PendingLoginTaken(PendingA)];
        SpecEvent[] member = [.. exchanging, SpecEvent.CodeExchanged(Member, At(61))];
        return
        [
            new("Idle, no tokens", []),
            new("Idle, visitor tokens", [SpecEvent.VisitorTokensReceived(Visitor, At(0))]),
            new("Requested, awaiting visitor tokens", login),
            new("Requested, member at Wix", withVisitor),
            new("Callback, taking the pending login", taking),
            new("Callback, exchanging the code", exchanging),
            new("Authenticated", member),
            new("Authenticated, identity known", [.. member, SpecEvent.MemberIdentityRequested(), SpecEvent.MemberIdentityReceived(MemberTokenInfo)]),
            new("LoggedOut", [.. member, SpecEvent.LogoutRequested(OriginalUri, At(120))]),
            new("LoggingOut, the member's token being renewed", [.. member, SpecEvent.LogoutRequested(OriginalUri, At(61 + 14400 - 30))]),
            new("Failed, login denied", [.. withVisitor, SpecEvent.CallbackReceived(Callbacks.Denied(DataA.State), At(60)), SpecEvent.PendingLoginTaken(PendingA)]),
            new("Failed, refresh refused", [.. member, SpecEvent.RefreshRequested(At(20000)), SpecEvent.RefreshFailed(Refused)]),
        ];
    }
}

/// <summary>Callback URLs as Wix sends them.</summary>
public static class Callbacks
{
    /// <summary>Success: code and state in the fragment.</summary>
    public static string Granted(string state) => $"{RedirectUri}#code={Code}&state={state}&iss={Uri.EscapeDataString(Issuer)}";

    /// <summary>Failure: the member cancelled.</summary>
    public static string Denied(string state) => $"{RedirectUri}#error=access_denied&error_description=The+member+cancelled.&state={state}&iss={Uri.EscapeDataString(Issuer)}";

    /// <summary>Success, but from a server that is not the expected issuer (a mix-up attack).</summary>
    public static string FromAnotherIssuer(string state) => $"{RedirectUri}#code={Code}&state={state}&iss=https%3A%2F%2Fevil.example";
}

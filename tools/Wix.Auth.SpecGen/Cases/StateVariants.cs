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
        SpecEvent[] callback = [.. withVisitor, SpecEvent.CallbackReceived(Callbacks.Granted(DataA.State), At(60))];
        SpecEvent[] member = [.. callback, SpecEvent.CodeExchanged(Member, At(61))];
        return
        [
            new("Idle, no tokens", []),
            new("Idle, visitor tokens", [SpecEvent.VisitorTokensReceived(Visitor, At(0))]),
            new("Requested, awaiting visitor tokens", login),
            new("Requested, member at Wix", withVisitor),
            new("Callback, exchanging the code", callback),
            new("Authenticated", member),
            new("LoggedOut", [.. member, SpecEvent.LogoutRequested(OriginalUri)]),
            new("Failed, login denied", [.. withVisitor, SpecEvent.CallbackReceived(Callbacks.Denied(DataA.State), At(60))]),
        ];
    }
}

/// <summary>Callback URLs as Wix sends them.</summary>
public static class Callbacks
{
    /// <summary>Success: code and state in the fragment.</summary>
    public static string Granted(string state) => $"{RedirectUri}#code={Code}&state={state}";

    /// <summary>Failure: the member cancelled.</summary>
    public static string Denied(string state) => $"{RedirectUri}#error=access_denied&error_description=The+member+cancelled.&state={state}";
}

namespace Wix.Auth.Tests.Properties.Flow;

/// <summary>One thing that can happen to a client, with how much time passes before it.</summary>
public enum CommandKind
{
    Login, VisitorAsk, VisitorOk, SessionOk, CallbackGood, CallbackForged, CallbackReplay, CallbackError,
    CodeOk, RefreshAsk, RefreshOk, FailDefinitive, FailTransient, LogoutGood, LogoutBad, LogoutSessionOk,
}

public sealed record Command(CommandKind Kind, int SecondsLater);

namespace Wix.Auth.Tests.Properties.Flow;

/// <summary>One thing that can happen to a client — a host request or an answer to a call — with how much time passes before it.</summary>
public enum CommandKind
{
    Login, VisitorAsk, VisitorOk, VisitorFail, SessionOk, SessionFail, CallbackGood, CallbackForged, CallbackError, TakeOk, TakeGone,
    CodeOk, CodeFail, RefreshAsk, RefreshOk, RefreshRefused, RefreshUnreachable, LogoutGood, LogoutBad, LogoutSessionOk, LogoutSessionFail,
    SetMemberTokens, SetVisitorTokens,
    IdentityAsk, IdentityOk, IdentityFail,
}

public sealed record Command(CommandKind Kind, int SecondsLater);

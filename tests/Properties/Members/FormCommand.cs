namespace Wix.Auth.Tests.Properties.Members;

/// <summary>One thing that can happen to a visitor's forms — a submitted form or Wix's answer — with the seconds before it.</summary>
public enum FormCommandKind
{
    Login, Register, RightCode, WrongCode, ResetMail, NewPassword,
    AnsweredLoggedIn, AnsweredVerify, AnsweredApproval, RefusedWrongPassword, RefusedNotFound, RefusedExists, RefusedWrongCode,
    RefusedExpired, RefusedUnreachable, MailAccepted,
}

public sealed record FormCommand(FormCommandKind Kind, int SecondsLater);

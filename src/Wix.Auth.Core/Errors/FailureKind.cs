namespace Wix.Auth.Core.Errors;

/// <summary>What a failed step asks of whoever waits on it — the rule a host follows to answer a member.</summary>
public enum FailureKind
{
    /// <summary>Start again: the login was refused, cancelled, forged, replayed, expired, or its code is spent.</summary>
    StartAgain,

    /// <summary>Try the same again later: a store or Wix did not answer, failed (5XX) or asked to wait (408, 429).</summary>
    TryAgainLater,

    /// <summary>The site must be fixed: Wix refused the site's own request (an unregistered redirect URI, an unknown client).</summary>
    Misconfigured,
}

/// <summary>Classifies errors by <see cref="FailureKind"/>.</summary>
public static class Failures
{
    /// <summary>The code Wix answers for a code (or refresh token) it no longer accepts.</summary>
    public const string InvalidGrant = "invalid_grant";

    /// <summary>What <paramref name="error"/> asks of the member, or of the site's owner.</summary>
    public static FailureKind KindOf(AuthError error) => error switch
    {
        AuthError.StoreUnavailable => FailureKind.TryAgainLater,
        AuthError.RemoteCallFailed { Error.IsDefinitive: false } => FailureKind.TryAgainLater,
        AuthError.RemoteCallFailed { Error.Code: InvalidGrant } => FailureKind.StartAgain,
        AuthError.RemoteCallFailed => FailureKind.Misconfigured,
        _ => FailureKind.StartAgain,
    };

    /// <summary>Why <paramref name="error"/> ended a login, as a member is told.</summary>
    public static FailureReason ReasonOf(AuthError error) => error switch
    {
        AuthError.AuthorizationDenied { Error: "access_denied" } => FailureReason.Cancelled,
        AuthError.AuthorizationDenied => FailureReason.Denied,
        AuthError.PendingLoginExpired => FailureReason.Expired,
        AuthError.StateMismatch or AuthError.IssuerMismatch or AuthError.NoPendingLogin or AuthError.CallbackAlreadyReceived => FailureReason.NotThisBrowsersLogin,
        AuthError.StoreUnavailable => FailureReason.StoreUnavailable,
        AuthError.RemoteCallFailed => KindOf(error) switch
        {
            FailureKind.Misconfigured => FailureReason.Misconfigured,
            FailureKind.StartAgain => FailureReason.CodeSpent,
            _ => FailureReason.WixUnavailable,
        },
        AuthError.MissingParameter or AuthError.DuplicateParameter or AuthError.InvalidUrl or AuthError.UrlTooLong => FailureReason.Unreadable,
        _ => FailureReason.Other,
    };

    /// <summary>What Wix answered, when <paramref name="error"/> is a call to Wix that failed (a login's, or a refresh's).</summary>
    public static LanguageExt.Option<WixError> WixAnswerOf(AuthError error) => error switch
    {
        AuthError.RemoteCallFailed f => f.Error,
        AuthError.RefreshRejected r => r.Error,
        AuthError.RefreshUnavailable u => u.Error,
        _ => LanguageExt.Option<WixError>.None,
    };

    /// <summary>
    /// <paramref name="error"/> told as a failed call to Wix, for an interface that speaks only of Wix's errors: Wix's own
    /// answer, or the error's code and message as if Wix had answered them.
    /// </summary>
    public static WixError AsWixError(AuthError error) =>
        error is AuthError.RemoteCallFailed failed ? failed.Error : new WixError(error.Code, error.Message, LanguageExt.Option<int>.None, LanguageExt.Option<string>.None);

    /// <summary>True when <paramref name="error"/> ended a login that took longer than the pending-login TTL.</summary>
    public static bool IsExpiredLogin(AuthError error) => error is AuthError.PendingLoginExpired;

    /// <summary>True when <paramref name="error"/> is Wix refusing a member's refresh token: the session ended.</summary>
    public static bool EndedTheSession(AuthError error) => error is AuthError.RefreshRejected;
}

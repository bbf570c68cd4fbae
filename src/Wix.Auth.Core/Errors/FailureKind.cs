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
}

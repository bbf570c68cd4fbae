namespace Wix.Auth.Core.Errors;

/// <summary>
/// Why a login ended without a member, in the terms a member is told: a closed set a host maps to its own words
/// (<see cref="Failures.ReasonOf"/>), so no host tells the core's errors apart itself.
/// </summary>
public enum FailureReason
{
    /// <summary>Something else: the login could not be completed.</summary>
    Other,

    /// <summary>The member cancelled at Wix (<c>access_denied</c>).</summary>
    Cancelled,

    /// <summary>Wix answered the login with another error.</summary>
    Denied,

    /// <summary>The login took longer than the pending-login TTL.</summary>
    Expired,

    /// <summary>The answer belongs to no login this browser began, or was used already.</summary>
    NotThisBrowsersLogin,

    /// <summary>The site's store did not answer; nothing was lost.</summary>
    StoreUnavailable,

    /// <summary>Wix refused the site's own request: the site is not set up correctly.</summary>
    Misconfigured,

    /// <summary>Wix no longer accepts the login's code: used or expired.</summary>
    CodeSpent,

    /// <summary>Wix did not answer, failed or asked to wait.</summary>
    WixUnavailable,

    /// <summary>The answer from the login page was not understood.</summary>
    Unreadable,
}

using Wix.Auth.Core.Members;

namespace Wix.Auth.Effects.Ports;

/// <summary>
/// Where one visitor's verification waits for the mailed code between requests: a protected cookie on a site, the tab's
/// <c>sessionStorage</c> in a browser app, memory in a native app. It holds at most one; the forms decide when it is kept
/// and when it is deleted (<see cref="MemberFormAction"/>).
/// </summary>
public interface IVerificationStore
{
    /// <summary>The visitor's verification, or null when none is kept.</summary>
    ValueTask<PendingVerification?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="verification"/> (replacing any other) for <paramref name="timeToLive"/> at most.</summary>
    ValueTask KeepAsync(PendingVerification verification, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Deletes the visitor's verification, if any.</summary>
    ValueTask ForgetAsync(CancellationToken cancellationToken);
}

using Wix.Auth.Core.Members;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth;

/// <summary>
/// One visitor's verification in memory: for a native or console app, where one user fills in the forms. The forms'
/// decider checks its age, so an entry kept past its expiry is refused there, not here.
/// </summary>
public sealed class InMemoryVerificationStore : IVerificationStore
{
    private volatile PendingVerification? kept;

    /// <inheritdoc />
    public ValueTask<PendingVerification?> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(kept);

    /// <inheritdoc />
    public ValueTask KeepAsync(PendingVerification verification, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        kept = verification;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ForgetAsync(CancellationToken cancellationToken)
    {
        kept = null;
        return ValueTask.CompletedTask;
    }
}

using System.Text;
using Microsoft.JSInterop;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Snapshots;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Blazor;

/// <summary>
/// This tab's verification waiting for a mailed code, in its <c>sessionStorage</c> (where the tab keeps its login in
/// progress): gone with the tab, never shared with another. The forms' decider checks its age.
/// </summary>
internal sealed class BrowserVerificationStore(IJSRuntime js) : IVerificationStore
{
    private const string Key = "wix-auth:verification";

    private readonly WebStorage storage = new(js, BrowserStorage.Session);

    public async ValueTask<PendingVerification?> ReadAsync(CancellationToken cancellationToken) =>
        await storage.GetAsync(Key, cancellationToken).ConfigureAwait(false) is { } json
            ? VerificationSnapshots.Deserialize(Encoding.UTF8.GetBytes(json)).Case as PendingVerification
            : null;

    public ValueTask KeepAsync(PendingVerification verification, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        storage.SetAsync(Key, Encoding.UTF8.GetString(VerificationSnapshots.Serialize(verification)), cancellationToken);

    public ValueTask ForgetAsync(CancellationToken cancellationToken) => storage.RemoveAsync(Key, cancellationToken);
}

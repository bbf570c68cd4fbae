using Microsoft.AspNetCore.Http;
using Wix.Auth.Core.Members;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// One request's view of the visitor's verification, kept in their protected cookie (<see cref="VerificationCookie"/>) on
/// the endpoints' path. Within the request, what was written or deleted is what is read.
/// </summary>
internal sealed class CookieVerificationStore(HttpContext context, VerificationCookie cookie, string path) : IVerificationStore
{
    private bool changed;
    private PendingVerification? current;

    public ValueTask<PendingVerification?> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(changed ? current : cookie.Read(context));

    public ValueTask KeepAsync(PendingVerification verification, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        cookie.Write(context, path, verification, timeToLive);
        (changed, current) = (true, verification);
        return ValueTask.CompletedTask;
    }

    public ValueTask ForgetAsync(CancellationToken cancellationToken)
    {
        cookie.Delete(context, path);
        (changed, current) = (true, null);
        return ValueTask.CompletedTask;
    }
}

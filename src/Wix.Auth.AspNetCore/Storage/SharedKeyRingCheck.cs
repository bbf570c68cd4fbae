using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// At start-up of a site on several instances, says when the Data Protection key ring is not shared and durable (no key
/// repository configured: each machine keeps its own) or not encrypted at rest — the two ways a form, a logout or a sign-up's
/// verification that crosses instances fails, or the keys that sign antiforgery tokens leak.
/// </summary>
internal sealed partial class SharedKeyRingCheck(IOptions<KeyManagementOptions> keys, ILogger<SharedKeyRingCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Value.XmlRepository is null) NotShared(logger);
        else if (keys.Value.XmlEncryptor is null) NotEncrypted(logger, keys.Value.XmlRepository.GetType().Name);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Several instances share Redis, but the Data Protection key ring is "
        + "this machine's own: a form, logout or verification posted to another instance than the one that served its page will fail. Persist the keys to a shared, durable place (docs/web.md, Operations).")]
    private static partial void NotShared(ILogger logger);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "The Data Protection keys ({Repository}) are not encrypted at rest: "
        + "protect them with a certificate (docs/web.md, Operations).")]
    private static partial void NotEncrypted(ILogger logger, string repository);
}

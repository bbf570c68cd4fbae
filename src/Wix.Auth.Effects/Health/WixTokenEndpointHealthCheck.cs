using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Health;

/// <summary>
/// Whether Wix issues tokens to this client: asks the token endpoint for visitor tokens (the anonymous grant, which
/// needs no member and changes nothing), within a timeout. The answer is kept for a while, and concurrent probes share
/// one request, so a busy health endpoint does not become load on Wix.
/// </summary>
public sealed class WixTokenEndpointHealthCheck : IHealthCheck
{
    private readonly IWixApi api;
    private readonly string clientId;
    private readonly WixTokenEndpointHealthCheckOptions options;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim probing = new(1, 1);
    private (HealthCheckResult Result, long Timestamp)? last;   // the clock's timestamp: an age, not an instant to judge

    /// <summary>A check of <paramref name="clientId"/>'s visitor grant through <paramref name="api"/>.</summary>
    public WixTokenEndpointHealthCheck(IWixApi api, string clientId, WixTokenEndpointHealthCheckOptions options, TimeProvider time)
    {
        this.api = api;
        this.clientId = clientId;
        this.options = options;
        this.time = time;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Cached() is { } cached) return cached;
        await probing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Cached() is { } fresh) return fresh;
            var result = await ProbeAsync(context.Registration.FailureStatus, cancellationToken).ConfigureAwait(false);
            last = (result, time.GetTimestamp());
            return result;
        }
        finally
        {
            probing.Release();
        }
    }

    private HealthCheckResult? Cached() =>
        last is { } entry && time.GetElapsedTime(entry.Timestamp) < options.CacheDuration ? entry.Result : null;

    private async Task<HealthCheckResult> ProbeAsync(HealthStatus failureStatus, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var answer = await api.RequestTokensAsync(new WixRequest.AnonymousGrant(clientId), timeout.Token).ConfigureAwait(false);
            if (answer.IsSuccess) return HealthCheckResult.Healthy("Wix's token endpoint issued visitor tokens.");
            var error = AuthResults.WixErrorOf(answer.Error);
            return new HealthCheckResult(failureStatus, $"Wix's token endpoint failed: {error.Code}.", data: Data(error));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failureStatus, $"Wix's token endpoint did not answer within {options.Timeout.TotalSeconds:0.###} s.",
                data: new Dictionary<string, object> { ["code"] = WixError.Timeout });
        }
    }

    // Kinds, statuses and Wix's request ID only: the visitor tokens themselves are dropped unread.
    private static Dictionary<string, object> Data(WixError error)
    {
        var data = new Dictionary<string, object> { ["code"] = error.Code };
        error.HttpStatus.IfSome(status => data["status"] = status);
        error.RequestId.IfSome(id => data["x-wix-request-id"] = id);
        return data;
    }
}

/// <summary>How <see cref="WixTokenEndpointHealthCheck"/> probes Wix.</summary>
public sealed record WixTokenEndpointHealthCheckOptions
{
    /// <summary>How long a probe may take, retries included, before it counts as failed. Default 5 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an answer is reused before Wix is asked again. Default 30 s.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromSeconds(30);
}

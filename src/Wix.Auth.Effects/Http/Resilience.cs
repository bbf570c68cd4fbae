using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// The one retry pipeline of every call to Wix. Whether a failed attempt is followed by another is the request's own
/// <see cref="RepeatPolicy"/> (the core's), asked with the attempt translated into the core's terms
/// (<see cref="AttemptOutcome"/>); this layer only adds the how: jittered exponential backoff that honours
/// <c>Retry-After</c>, at most <see cref="WixAuthOptions.MaxRetries"/> retries (0: none), each attempt bounded by
/// <see cref="WixAuthOptions.AttemptTimeout"/>.
/// </summary>
internal static class Resilience
{
    private static readonly ResiliencePropertyKey<RepeatPolicy> RepeatKey = new("Wix.Auth.Repeat");

    public static ResiliencePipeline<HttpResponseMessage> For(WixAuthOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && AllowsAnotherAttempt(args.Context, args.Outcome)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    /// <summary>Runs <paramref name="send"/> through <paramref name="pipeline"/>, repeated as far as <paramref name="repeat"/> allows.</summary>
    public static async ValueTask<HttpResponseMessage> ExecuteAsync(
        this ResiliencePipeline<HttpResponseMessage> pipeline, RepeatPolicy repeat,
        Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RepeatKey, repeat);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, send) => await send(ctx.CancellationToken).ConfigureAwait(false), context, send).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public static bool IsTimeout(Exception e) => e is TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException };

    private static bool AllowsAnotherAttempt(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        context.Properties.TryGetValue(RepeatKey, out var repeat) && OutcomeOf(outcome) is { } attempt && repeat.AllowsAnotherAttempt(attempt);

    /// <summary>What the attempt observed, in the core's terms; null for what is no failure of the call (a cancellation).</summary>
    private static AttemptOutcome? OutcomeOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => new AttemptOutcome.Answered((int)response.StatusCode),
        { Exception: { } e } when IsTimeout(e) => AttemptOutcome.TimedOut.Instance,
        { Exception: HttpRequestException e } when NeverReachedServer(e) => AttemptOutcome.NeverSent.Instance,
        { Exception: HttpRequestException } => AttemptOutcome.ConnectionLost.Instance,
        _ => null,
    };

    private static bool NeverReachedServer(HttpRequestException e) =>
        e is { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };
}

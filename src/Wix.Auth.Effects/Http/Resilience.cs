using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// The retries of every call to Wix. Whether a failed attempt is followed by another is the request's own
/// <see cref="RepeatPolicy"/> (the core's), asked with the attempt translated into the core's terms
/// (<see cref="AttemptOutcome"/>); this layer only adds the how: jittered exponential backoff that honours
/// <c>Retry-After</c> (at most <see cref="WixAuthOptions.MaxRetryDelay"/>), at most <see cref="WixAuthOptions.MaxRetries"/>
/// retries (0: none), each attempt bounded by <see cref="WixAuthOptions.AttemptTimeout"/>.
/// </summary>
/// <remarks>
/// The first attempt, which nearly every call ends with, goes out on its own, with nothing but its timeout around it;
/// only a failure that may be repeated enters the retry pipeline, for the attempts that remain.
/// </remarks>
internal sealed class Resilience
{
    private static readonly ResiliencePropertyKey<RepeatPolicy> RepeatKey = new("Wix.Auth.Repeat");

    private readonly WixAuthOptions options;
    private readonly ResiliencePipeline<HttpResponseMessage> later;

    public Resilience(WixAuthOptions options)
    {
        this.options = options;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries - 1,
                ShouldHandle = args => ValueTask.FromResult(AllowsAnotherAttempt(args.Context, args.Outcome)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // The first retry's delay was waited before this pipeline starts: its delays go on from the second's.
                Delay = options.RetryBaseDelay * 2,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
            });
        }
        later = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Runs <paramref name="send"/>, repeated as far as <paramref name="repeat"/> and the retry budget allow.</summary>
    public async ValueTask<HttpResponseMessage> ExecuteAsync(
        RepeatPolicy repeat, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            attempt.CancelAfter(options.AttemptTimeout);
            try
            {
                response = await send(attempt.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && OutcomeOf(e, attempt.IsCancellationRequested) is { } failed)
            {
                if (options.MaxRetries == 0 || !repeat.AllowsAnotherAttempt(failed))
                    throw failed is AttemptOutcome.TimedOut && e is not TimeoutRejectedException ? new TimeoutRejectedException("The attempt timed out.", e) : e;
                await Task.Delay(Backoff(null), cancellationToken).ConfigureAwait(false);
                return await LaterAsync(repeat, send, cancellationToken).ConfigureAwait(false);
            }
        }
        if (options.MaxRetries == 0 || !repeat.AllowsAnotherAttempt(new AttemptOutcome.Answered((int)response.StatusCode))) return response;
        var delay = Backoff(response);
        response.Dispose();
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return await LaterAsync(repeat, send, cancellationToken).ConfigureAwait(false);
    }

    public static bool IsTimeout(Exception e) => e is TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException };

    private async ValueTask<HttpResponseMessage> LaterAsync(
        RepeatPolicy repeat, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RepeatKey, repeat);
        try
        {
            return await later.ExecuteAsync(
                static async (ctx, send) => await send(ctx.CancellationToken).ConfigureAwait(false), context, send).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // The core's rule (Wix's Retry-After, else the backoff, capped); the backoff is the base delay with jitter, half to one
    // and a half times.
    private TimeSpan Backoff(HttpResponseMessage? response) =>
        RetryDelay.Before(response?.Headers.RetryAfter?.Delta, response?.Headers.RetryAfter?.Date, DateTimeOffset.UtcNow,
            options.RetryBaseDelay * (0.5 + Random.Shared.NextDouble()), options.MaxRetryDelay);

    private static bool AllowsAnotherAttempt(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        context.Properties.TryGetValue(RepeatKey, out var repeat) && OutcomeOf(outcome) is { } attempt && repeat.AllowsAnotherAttempt(attempt);

    /// <summary>What the attempt observed, in the core's terms; null for what is no failure of the call (a cancellation).</summary>
    private static AttemptOutcome? OutcomeOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => new AttemptOutcome.Answered((int)response.StatusCode),
        { Exception: { } e } => OutcomeOf(e, timedOut: false),
        _ => null,
    };

    /// <summary>What a failed attempt observed; <paramref name="timedOut"/> when its own timeout cancelled it.</summary>
    private static AttemptOutcome? OutcomeOf(Exception e, bool timedOut) => e switch
    {
        _ when IsTimeout(e) || (timedOut && e is OperationCanceledException) => AttemptOutcome.TimedOut.Instance,
        HttpRequestException h when NeverReachedServer(h) => AttemptOutcome.NeverSent.Instance,
        HttpRequestException => AttemptOutcome.ConnectionLost.Instance,
        _ => null,
    };

    private static bool NeverReachedServer(HttpRequestException e) =>
        e is { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };
}

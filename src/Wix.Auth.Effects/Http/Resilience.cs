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
/// The first attempt, which nearly every call ends with, goes out on its own (<see cref="WixPost"/>), with nothing but
/// its timeout around it (<see cref="StartAttempt"/>); only a failure that may be repeated enters the retry pipeline,
/// for the attempts that remain.
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
                // The same rule as the first retry's (the core's RetryDelay), its backoff doubled for each retry before it.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff(args.Outcome.Result, retriesBefore: args.AttemptNumber + 1)),
            });
        }
        later = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>The first attempt's cancellation: the caller's, and the attempt's own timeout.</summary>
    public Deadline StartAttempt(CancellationToken cancellationToken) => Deadline.Start(options.AttemptTimeout, cancellationToken);

    /// <summary>Whether Wix's answer to an attempt is followed by another (and <paramref name="response"/> is not the call's answer).</summary>
    public bool Repeats(RepeatPolicy repeat, HttpResponseMessage response) =>
        options.MaxRetries > 0 && repeat.AllowsAnotherAttempt(response.StatusCode == System.Net.HttpStatusCode.OK ? AnsweredOk : new AttemptOutcome.Answered((int)response.StatusCode));

    // The answer nearly every call gets, made once.
    private static readonly AttemptOutcome.Answered AnsweredOk = new(200);

    /// <summary>After an answer that <see cref="Repeats"/>: waits as Wix or the backoff says, then the attempts that remain.</summary>
    public async Task<HttpResponseMessage> AfterAnswerAsync(
        RepeatPolicy repeat, HttpResponseMessage response, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var delay = Backoff(response);
        response.Dispose();
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return await LaterAsync(repeat, send, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After the first attempt failed with <paramref name="e"/> (<paramref name="failed"/> in the core's terms): the attempts
    /// that remain when the request allows another, else <paramref name="e"/> again (a timeout as <see cref="TimeoutRejectedException"/>).
    /// </summary>
    public async Task<HttpResponseMessage> AfterFailureAsync(
        RepeatPolicy repeat, AttemptOutcome failed, Exception e, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        if (options.MaxRetries == 0 || !repeat.AllowsAnotherAttempt(failed))
        {
            if (failed is AttemptOutcome.TimedOut && e is not TimeoutRejectedException) throw new TimeoutRejectedException("The attempt timed out.", e);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
        }
        await Task.Delay(Backoff(null), cancellationToken).ConfigureAwait(false);
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

    // The core's rule (Wix's Retry-After, else the backoff, capped); the backoff is the base delay, doubled for each retry
    // before this one, with jitter: half to one and a half times.
    private TimeSpan Backoff(HttpResponseMessage? response, int retriesBefore = 0) =>
        RetryDelay.Before(response?.Headers.RetryAfter?.Delta, response?.Headers.RetryAfter?.Date, DateTimeOffset.UtcNow,
            options.RetryBaseDelay * Math.Pow(2, Math.Min(retriesBefore, 30)) * (0.5 + Random.Shared.NextDouble()), options.MaxRetryDelay);

    private static bool AllowsAnotherAttempt(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        context.Properties.TryGetValue(RepeatKey, out var repeat) && OutcomeOf(outcome) is { } attempt && repeat.AllowsAnotherAttempt(attempt);

    /// <summary>What the attempt observed, in the core's terms; null for what is no failure of the call (a cancellation).</summary>
    private static AttemptOutcome? OutcomeOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => new AttemptOutcome.Answered((int)response.StatusCode),
        { Exception: { } e } => OutcomeOf(e, timedOut: false),
        _ => null,
    };

    /// <summary>What a failed attempt observed, null for what is no failure of the call; <paramref name="timedOut"/> when its own timeout cancelled it.</summary>
    public static AttemptOutcome? OutcomeOf(Exception e, bool timedOut) => e switch
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

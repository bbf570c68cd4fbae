using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Wix.Auth.Effects.Client;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// The two retry policies of the protocol. Visitor tokens, refresh and Redirect Sessions are safe to repeat:
/// connect errors, timeouts, 5XX, 408 and 429 are retried with jittered exponential backoff, honouring
/// <c>Retry-After</c>. A code is single-use, so the exchange is retried only when the request provably never
/// reached the server: the connection could not be made.
/// </summary>
internal static class Resilience
{
    public static ResiliencePipeline<HttpResponseMessage> ForIdempotentCalls(WixAuthOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = options.MaxRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    public static ResiliencePipeline<HttpResponseMessage> ForCodeExchange(WixAuthOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && NeverReachedServer(args.Outcome.Exception)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    public static bool IsTimeout(Exception e) => e is TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException };

    private static bool NeverReachedServer(Exception? e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        && e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable };
}

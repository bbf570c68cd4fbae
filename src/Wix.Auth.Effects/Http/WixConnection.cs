using LanguageExt;
using Microsoft.Extensions.Logging;
using Polly;
using Wix.Auth.Core.Errors;
using Wix.Auth.Effects.Client;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// What every adapter of a Wix port shares: the <see cref="HttpClient"/>, Wix's API address, the logger, and the two
/// retry policies — one for calls that are safe to repeat, one for calls that use up what they send (a code, a password
/// attempt, a single-use token), retried only when the request provably never reached Wix.
/// </summary>
internal sealed class WixConnection(HttpClient http, WixAuthOptions options, ILogger logger)
{
    private readonly ResiliencePipeline<HttpResponseMessage> idempotent = Resilience.ForIdempotentCalls(options);
    private readonly ResiliencePipeline<HttpResponseMessage> once = Resilience.ForCodeExchange(options);

    /// <summary>Sends <paramref name="post"/> and reads its answer; a transport failure is the Left.</summary>
    /// <param name="post">The request.</param>
    /// <param name="repeatable">True when repeating the request cannot use anything up.</param>
    /// <param name="read">Reads the answer from its status, request ID and body.</param>
    /// <param name="outcomeOf">The answer's outcome for telemetry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Either<WixError, T>> SendAsync<T>(
        WixPost post, bool repeatable, Func<int, string?, byte[], T> read, Func<T, string> outcomeOf, CancellationToken cancellationToken) =>
        post.SendAsync(http, options.ApiBaseUrl, logger, repeatable ? idempotent : once, read, outcomeOf, cancellationToken);
}

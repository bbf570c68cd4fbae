using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// What every adapter of a Wix port shares: the <see cref="HttpClient"/>, Wix's API address, the logger, and the retry
/// retries, which repeat a failed call only as far as the request's own <see cref="RepeatPolicy"/> allows.
/// </summary>
internal sealed class WixConnection(HttpClient http, WixAuthOptions options, ILogger logger)
{
    private readonly Resilience retries = new(options);

    // The protocol's few paths, each made into an absolute URI once rather than on every call.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> endpoints = new(StringComparer.Ordinal);

    /// <summary>Sends <paramref name="post"/> and reads its answer, handing it (or a transport failure) to <paramref name="finish"/>.</summary>
    /// <param name="post">The request.</param>
    /// <param name="repeat">The request's own word on whether a failed attempt may be followed by another.</param>
    /// <param name="read">Reads the answer from its status, request ID and body.</param>
    /// <param name="outcomeOf">The answer's outcome for telemetry.</param>
    /// <param name="finish">The call's result from the answer, or from the timeout or failed connection (the Left).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TResult> SendAsync<TRead, TResult>(
        WixPost post, RepeatPolicy repeat, Func<int, string?, byte[], TRead> read, Func<TRead, string> outcomeOf,
        Func<Either<WixError, TRead>, TResult> finish, CancellationToken cancellationToken) =>
        post.SendAsync(http, endpoints.GetOrAdd(post.Path, static (path, baseUrl) => new Uri(baseUrl, path), options.ApiBaseUrl),
            logger, retries, repeat, read, outcomeOf, finish, cancellationToken);
}

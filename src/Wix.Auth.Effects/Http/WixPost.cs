using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Logging;

namespace Wix.Auth.Effects.Http;

/// <summary>One JSON <c>POST</c> to Wix, as every request of the protocol is: the body and headers as given, the answer read bounded.</summary>
/// <param name="Name">The request's kind, for logs.</param>
/// <param name="Operation">What the call is for telemetry: a grant, a Redirect Session's intent, or the request's kind; never a value.</param>
/// <param name="Path">The endpoint's path under Wix's API address.</param>
/// <param name="Body">The JSON body, exactly as sent.</param>
/// <param name="Authorization">The <c>Authorization</c> header's value, if any; a secret.</param>
/// <param name="Gateway">The <c>x-wix-bi-gateway</c> header's value.</param>
internal sealed record WixPost(string Name, string Operation, string Path, byte[] Body, string? Authorization, string Gateway)
{
    /// <summary>
    /// Sends through <paramref name="retries"/>, repeated as far as <paramref name="repeat"/> allows, reads the answer with
    /// <paramref name="read"/> and hands it, or the timeout or failed connection that took its place, to
    /// <paramref name="finish"/>. Logs the request's kind, path, status and request ID, never a value it carries.
    /// </summary>
    /// <remarks>
    /// The first attempt, which nearly every call ends with, is sent here with nothing around it but its timeout: one
    /// async step per call. Only an attempt that may be repeated goes on to <see cref="Resilience"/>'s retries.
    /// </remarks>
    public async Task<TResult> SendAsync<TRead, TResult>(
        HttpClient http, Uri endpoint, ILogger logger, Resilience retries, RepeatPolicy repeat,
        Func<int, string?, byte[], TRead> read, Func<TRead, string> outcomeOf, Func<Either<WixError, TRead>, TResult> finish,
        CancellationToken cancellationToken)
    {
        using var call = WixCall.Start(Operation, Path);
        try
        {
            HttpResponseMessage response;
            using (var attempt = retries.StartAttempt(cancellationToken))
            {
                try
                {
                    response = await http.SendAsync(Build(endpoint), HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && Resilience.OutcomeOf(e, attempt.TimedOut) is { } failed)
                {
                    response = await retries.AfterFailureAsync(repeat, failed, e, Sender(http, endpoint), cancellationToken).ConfigureAwait(false);
                }
            }
            if (retries.Repeats(repeat, response))
                response = await retries.AfterAnswerAsync(repeat, response, Sender(http, endpoint), cancellationToken).ConfigureAwait(false);
            using (response)
            {
                var requestId = RequestIdOf(response);
                var content = await WireResponses.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
                var result = read((int)response.StatusCode, requestId, content);
                call?.Answered((int)response.StatusCode, requestId, outcomeOf(result));
                Log.WixCall(logger, Name, Path, (int)response.StatusCode, requestId ?? "-");
                return finish(result);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Resilience.IsTimeout(e))
        {
            Log.WixCallFailed(logger, Name, Path, WixError.Timeout);
            call?.Failed(WixError.Timeout);
            return finish(WixError.Of(WixError.Timeout));
        }
        catch (HttpRequestException)
        {
            Log.WixCallFailed(logger, Name, Path, WixError.NetworkError);
            call?.Failed(WixError.NetworkError);
            return finish(WixError.Of(WixError.NetworkError));
        }
    }

    /// <summary>Never prints the body or the token.</summary>
    public override string ToString() => $"WixPost {{ Name = {Name}, Path = {Path} }}";

    // The attempts after the first, each a request of its own; made only when one is sent.
    private Func<CancellationToken, Task<HttpResponseMessage>> Sender(HttpClient http, Uri endpoint) =>
        token => http.SendAsync(Build(endpoint), HttpCompletionOption.ResponseHeadersRead, token);

    // The first x-wix-request-id, read without validating (nor allocating) the rest of the headers.
    private static string? RequestIdOf(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("x-wix-request-id", out var ids)) return null;
        foreach (var id in ids) return id;
        return null;
    }

    private HttpRequestMessage Build(Uri endpoint)
    {
        var content = new ByteArrayContent(Body);
        // Written as given, not parsed into a header object: HttpClient only sends it.
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        // Wix takes the bare token (or "<token>,<API key>"), without "Bearer ".
        if (Authorization is not null) message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        message.Headers.TryAddWithoutValidation("x-wix-bi-gateway", Gateway);
        return message;
    }
}

using System.Net.Http.Headers;
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
    /// Sends through <paramref name="retries"/>, repeated as far as <paramref name="repeat"/> allows, and reads the
    /// answer with <paramref name="read"/>; a timeout or a failed connection is the Left. Logs the request's kind, path, status and request ID, never a value it carries.
    /// </summary>
    public async Task<Either<WixError, T>> SendAsync<T>(
        HttpClient http, Uri endpoint, ILogger logger, Resilience retries, RepeatPolicy repeat,
        Func<int, string?, byte[], T> read, Func<T, string> outcomeOf, CancellationToken cancellationToken)
    {
        using var call = WixCall.Start(Operation, Path);
        try
        {
            using var response = await retries.ExecuteAsync(
                repeat, token => http.SendAsync(Build(endpoint), HttpCompletionOption.ResponseHeadersRead, token), cancellationToken).ConfigureAwait(false);
            var requestId = RequestIdOf(response);
            var content = await WireResponses.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var result = read((int)response.StatusCode, requestId, content);
            call.Answered((int)response.StatusCode, requestId, outcomeOf(result));
            Log.WixCall(logger, Name, Path, (int)response.StatusCode, requestId ?? "-");
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Resilience.IsTimeout(e))
        {
            Log.WixCallFailed(logger, Name, Path, WixError.Timeout);
            call.Failed(WixError.Timeout);
            return WixError.Of(WixError.Timeout);
        }
        catch (HttpRequestException)
        {
            Log.WixCallFailed(logger, Name, Path, WixError.NetworkError);
            call.Failed(WixError.NetworkError);
            return WixError.Of(WixError.NetworkError);
        }
    }

    // The first x-wix-request-id, read without validating (nor allocating) the rest of the headers.
    private static string? RequestIdOf(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("x-wix-request-id", out var ids)) return null;
        foreach (var id in ids) return id;
        return null;
    }

    /// <summary>Never prints the body or the token.</summary>
    public override string ToString() => $"WixPost {{ Name = {Name}, Path = {Path} }}";

    private HttpRequestMessage Build(Uri endpoint)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        // Wix takes the bare token (or "<token>,<API key>"), without "Bearer ".
        if (Authorization is not null) message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        message.Headers.TryAddWithoutValidation("x-wix-bi-gateway", Gateway);
        return message;
    }
}

using System.Net.Http.Headers;
using LanguageExt;
using Microsoft.Extensions.Logging;
using Polly;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Logging;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Effects.Telemetry;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// <see cref="IWixApi"/> over <see cref="HttpClient"/>: the SDK's exact requests, Wix's answers read into typed
/// results, transient failures retried where that is safe.
/// </summary>
public sealed class WixHttpApi : IWixApi
{
    private readonly HttpClient http;
    private readonly Uri baseUrl;
    private readonly ILogger logger;
    private readonly ResiliencePipeline<HttpResponseMessage> idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> codeExchange;

    /// <summary>Calls Wix at <see cref="WixAuthOptions.ApiBaseUrl"/> through <paramref name="http"/>.</summary>
    public WixHttpApi(HttpClient http, WixAuthOptions options, ILogger<WixHttpApi> logger)
    {
        this.http = http;
        this.logger = logger;
        baseUrl = options.ApiBaseUrl;
        idempotent = Resilience.ForIdempotentCalls(options);
        codeExchange = Resilience.ForCodeExchange(options);
    }

    /// <inheritdoc />
    public async ValueTask<Either<WixError, TokenResponse>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken)
    {
        var pipeline = request is WixRequest.AuthorizationCodeGrant ? codeExchange : idempotent;
        return await SendAsync(request, pipeline, WireResponses.ReadTokens, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Either<WixError, string>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken) =>
        await SendAsync(request, idempotent, WireResponses.ReadRedirectSession, cancellationToken).ConfigureAwait(false);

    private async Task<Either<WixError, T>> SendAsync<T>(
        WixRequest request, ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<int, string?, byte[], Either<WixError, T>> read, CancellationToken cancellationToken)
    {
        var body = WireBody.Serialize(request);
        using var call = WixCall.Start(request);
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token => await http.SendAsync(Build(request, body), HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("x-wix-request-id", out var ids) ? ids.FirstOrDefault() : null;
            var content = await WireResponses.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var result = read((int)response.StatusCode, requestId, content);
            call.Answered((int)response.StatusCode, requestId, result);
            Log.WixCall(logger, request.GetType().Name, request.Path, (int)response.StatusCode, requestId ?? "-");
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Resilience.IsTimeout(e))
        {
            Log.WixCallFailed(logger, request.GetType().Name, request.Path, WixError.Timeout);
            call.Failed(WixError.Timeout);
            return WixError.Of(WixError.Timeout);
        }
        catch (HttpRequestException)
        {
            Log.WixCallFailed(logger, request.GetType().Name, request.Path, WixError.NetworkError);
            call.Failed(WixError.NetworkError);
            return WixError.Of(WixError.NetworkError);
        }
    }

    private HttpRequestMessage Build(WixRequest request, byte[] body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, request.Path))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        // Wix takes the bare token, without "Bearer ".
        request.Authorization.Iter(token => message.Headers.TryAddWithoutValidation("Authorization", token.Reveal()));
        message.Headers.TryAddWithoutValidation("x-wix-bi-gateway", WireResponses.GatewayHeader(request));
        return message;
    }
}

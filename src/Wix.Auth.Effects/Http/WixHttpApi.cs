using LanguageExt;
using Microsoft.Extensions.Logging;
using Polly;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Effects.Client;
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
    public async ValueTask<AuthResult<TokenResponse>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken)
    {
        var pipeline = request is WixRequest.AuthorizationCodeGrant ? codeExchange : idempotent;
        return await SendAsync(request, pipeline, WireResponses.ReadTokens, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<AuthResult<string>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken) =>
        await SendAsync(request, idempotent, WireResponses.ReadRedirectSession, cancellationToken).ConfigureAwait(false);

    private async Task<AuthResult<T>> SendAsync<T>(
        WixRequest request, ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<int, string?, byte[], Either<WixError, T>> read, CancellationToken cancellationToken)
    {
        var post = new WixPost(request.GetType().Name, WixCall.GrantOf(request), request.Path, WireBody.Serialize(request),
            request.Authorization.Map(token => token.Reveal()).IfNoneUnsafe((string?)null), WireResponses.GatewayHeader(request));
        return (await post.SendAsync(http, baseUrl, logger, pipeline, read, WixCall.CodeOf, cancellationToken).ConfigureAwait(false))
            .Bind(r => r).ToWixCallResult();
    }
}

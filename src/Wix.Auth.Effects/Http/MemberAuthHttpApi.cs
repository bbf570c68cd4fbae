using System.Net.Http.Headers;
using LanguageExt;
using Microsoft.Extensions.Logging;
using Polly;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Logging;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// <see cref="IMemberAuthApi"/> over <see cref="HttpClient"/>: the SDK's exact requests, the answers read into typed
/// replies. Login, registration, verification, Sign On and the grants use up what they send (a password attempt, a
/// code attempt, a single-use session token), so they are retried only when the request provably never reached
/// Wix; a login Redirect Session is safe to repeat and gets the full retry policy.
/// </summary>
public sealed class MemberAuthHttpApi : IMemberAuthApi
{
    private readonly HttpClient http;
    private readonly Uri baseUrl;
    private readonly ILogger logger;
    private readonly ResiliencePipeline<HttpResponseMessage> idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> once;

    /// <summary>Calls Wix at <see cref="WixAuthOptions.ApiBaseUrl"/> through <paramref name="http"/>.</summary>
    public MemberAuthHttpApi(HttpClient http, WixAuthOptions options, ILogger<MemberAuthHttpApi> logger)
    {
        this.http = http;
        this.logger = logger;
        baseUrl = options.ApiBaseUrl;
        idempotent = Resilience.ForIdempotentCalls(options);
        once = Resilience.ForCodeExchange(options);
    }

    /// <inheritdoc />
    public async ValueTask<Either<IdentityFailure, LoginStateReply>> SendForStateAsync(MemberAuthRequest request, CancellationToken cancellationToken) =>
        request is MemberAuthRequest.Login or MemberAuthRequest.Register or MemberAuthRequest.Verify or MemberAuthRequest.Recover
            ? Flatten(await SendAsync(request, once, MemberWireResponses.ReadLoginState, cancellationToken).ConfigureAwait(false))
            : throw new ArgumentException($"{request.GetType().Name} is not answered with a login state.", nameof(request));

    /// <inheritdoc />
    public async ValueTask<Either<IdentityFailure, Unit>> SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken) =>
        Flatten(await SendAsync(request, once, MemberWireResponses.ReadEmpty, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<Either<IdentityFailure, SignOnReply>> SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken) =>
        Flatten(await SendAsync(request, once, MemberWireResponses.ReadSignOn, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<Either<WixError, TokenResponse>> RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken) =>
        request is MemberAuthRequest.ExternalLogin or MemberAuthRequest.ExternalLoginWithSession or MemberAuthRequest.DirectLoginCode
            ? (await SendAsync(request, once, WireResponses.ReadTokens, cancellationToken).ConfigureAwait(false)).Bind(r => r)
            : throw new ArgumentException($"{request.GetType().Name} is not a token grant.", nameof(request));

    /// <inheritdoc />
    public async ValueTask<Either<WixError, string>> CreateLoginSessionAsync(MemberAuthRequest.LoginSession request, CancellationToken cancellationToken) =>
        (await SendAsync(request, idempotent, WireResponses.ReadRedirectSession, cancellationToken).ConfigureAwait(false)).Bind(r => r);

    private static Either<IdentityFailure, T> Flatten<T>(Either<WixError, Either<IdentityFailure, T>> result) =>
        result.Match(answer => answer, error => Either<IdentityFailure, T>.Left(IdentityFailure.Of(error)));

    /// <summary>Sends and reads; a transport failure is the outer Left, Wix's answer (good or bad) the Right.</summary>
    private async Task<Either<WixError, T>> SendAsync<T>(
        MemberAuthRequest request, ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<int, string?, byte[], T> read, CancellationToken cancellationToken)
    {
        var body = MemberWireBody.Serialize(request);
        var name = request.GetType().Name;
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token => await http.SendAsync(Build(request, body), HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("x-wix-request-id", out var ids) ? ids.FirstOrDefault() : null;
            var content = await WireResponses.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            Log.WixCall(logger, name, request.Path, (int)response.StatusCode, requestId ?? "-");
            return read((int)response.StatusCode, requestId, content);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Resilience.IsTimeout(e))
        {
            Log.WixCallFailed(logger, name, request.Path, WixError.Timeout);
            return WixError.Of(WixError.Timeout);
        }
        catch (HttpRequestException)
        {
            Log.WixCallFailed(logger, name, request.Path, WixError.NetworkError);
            return WixError.Of(WixError.NetworkError);
        }
    }

    private HttpRequestMessage Build(MemberAuthRequest request, byte[] body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, request.Path))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        // Bare token, or "<token>,<API key>": never "Bearer ".
        if (MemberWireBody.AuthorizationHeader(request) is { } authorization)
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        message.Headers.TryAddWithoutValidation("x-wix-bi-gateway", MemberWireBody.GatewayHeader(request));
        return message;
    }
}

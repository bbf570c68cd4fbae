using LanguageExt;
using Microsoft.Extensions.Logging;
using Polly;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Effects.Telemetry;

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
            ? Flatten(await SendAsync(request, once, MemberWireResponses.ReadLoginState, WixCall.CodeOf, cancellationToken).ConfigureAwait(false))
            : throw new ArgumentException($"{request.GetType().Name} is not answered with a login state.", nameof(request));

    /// <inheritdoc />
    public async ValueTask<Either<IdentityFailure, Unit>> SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken) =>
        Flatten(await SendAsync(request, once, MemberWireResponses.ReadEmpty, WixCall.CodeOf, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<Either<IdentityFailure, SignOnReply>> SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken) =>
        Flatten(await SendAsync(request, once, MemberWireResponses.ReadSignOn, WixCall.CodeOf, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<Either<WixError, TokenResponse>> RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken) =>
        request is MemberAuthRequest.ExternalLogin or MemberAuthRequest.ExternalLoginWithSession or MemberAuthRequest.DirectLoginCode
            ? (await SendAsync(request, once, WireResponses.ReadTokens, WixCall.CodeOf, cancellationToken).ConfigureAwait(false)).Bind(r => r)
            : throw new ArgumentException($"{request.GetType().Name} is not a token grant.", nameof(request));

    /// <inheritdoc />
    public async ValueTask<Either<WixError, string>> CreateLoginSessionAsync(MemberAuthRequest.LoginSession request, CancellationToken cancellationToken) =>
        (await SendAsync(request, idempotent, WireResponses.ReadRedirectSession, WixCall.CodeOf, cancellationToken).ConfigureAwait(false)).Bind(r => r);

    private static Either<IdentityFailure, T> Flatten<T>(Either<WixError, Either<IdentityFailure, T>> result) =>
        result.Match(answer => answer, error => Either<IdentityFailure, T>.Left(IdentityFailure.Of(error)));

    /// <summary>Sends and reads; a transport failure is the outer Left, Wix's answer (good or bad) the Right.</summary>
    private Task<Either<WixError, T>> SendAsync<T>(
        MemberAuthRequest request, ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<int, string?, byte[], T> read, Func<T, string> outcomeOf, CancellationToken cancellationToken) =>
        new WixPost(request.GetType().Name, request.GetType().Name, request.Path, MemberWireBody.Serialize(request),
                MemberWireBody.AuthorizationHeader(request), MemberWireBody.GatewayHeader(request))
            .SendAsync(http, baseUrl, logger, pipeline, read, outcomeOf, cancellationToken);
}

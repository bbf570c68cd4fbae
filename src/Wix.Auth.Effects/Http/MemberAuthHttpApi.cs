using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// <see cref="IMemberAuthApi"/> over <see cref="HttpClient"/>: the SDK's exact requests, the answers read into typed
/// replies; a failed call is repeated as far as the request's own <see cref="MemberAuthRequest.Repeat"/> allows.
/// </summary>
/// <param name="http">The client the calls go through.</param>
/// <param name="options">Where Wix is (<see cref="WixAuthOptions.ApiBaseUrl"/>) and the retry budget.</param>
/// <param name="logger">Logs each call's kind, path, status and request ID, never a value it carries.</param>
public sealed class MemberAuthHttpApi(HttpClient http, WixAuthOptions options, ILogger<MemberAuthHttpApi> logger) : IMemberAuthApi
{
    private readonly WixConnection wix = new(http, options, logger);

    /// <inheritdoc />
    public async ValueTask<AuthResult<LoginStateReply, IdentityFailure>> SendForStateAsync(MemberAuthRequest request, CancellationToken cancellationToken) =>
        request is MemberAuthRequest.Login or MemberAuthRequest.Register or MemberAuthRequest.Verify or MemberAuthRequest.Recover
            ? Flatten(await SendAsync(request, MemberWireResponses.ReadLoginState, cancellationToken).ConfigureAwait(false))
            : throw new ArgumentException($"{request.GetType().Name} is not answered with a login state.", nameof(request));

    /// <inheritdoc />
    public async ValueTask<AuthResult<bool, IdentityFailure>> SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken) =>
        Flatten(await SendAsync(request, MemberWireResponses.ReadEmpty, cancellationToken).ConfigureAwait(false)).Map(static _ => true);

    /// <inheritdoc />
    public async ValueTask<AuthResult<SignOnReply, IdentityFailure>> SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken) =>
        Flatten(await SendAsync(request, MemberWireResponses.ReadSignOn, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<AuthResult<TokenResponse, IdentityFailure>> RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken) =>
        request is MemberAuthRequest.ExternalLogin or MemberAuthRequest.ExternalLoginWithSession
            ? Flatten(await SendAsync(request, Failures(WireResponses.ReadTokens), cancellationToken).ConfigureAwait(false))
            : throw new ArgumentException($"{request.GetType().Name} is not a token grant.", nameof(request));

    /// <inheritdoc />
    public async ValueTask<AuthResult<TokenInfoReply, IdentityFailure>> GetTokenInfoAsync(MemberAuthRequest.TokenInfo request, CancellationToken cancellationToken) =>
        Flatten(await SendAsync(request, MemberWireResponses.ReadTokenInfo, cancellationToken).ConfigureAwait(false));

    private static Func<int, string?, byte[], Either<IdentityFailure, T>> Failures<T>(Func<int, string?, byte[], Either<WixError, T>> read) =>
        (status, requestId, body) => read(status, requestId, body).MapLeft(IdentityFailure.Of);

    private static AuthResult<T, IdentityFailure> Flatten<T>(Either<WixError, Either<IdentityFailure, T>> result) =>
        result.Match(answer => answer, error => Either<IdentityFailure, T>.Left(IdentityFailure.Of(error))).ToResult();

    /// <summary>Sends and reads; a transport failure is the outer Left, Wix's answer (good or bad) the Right.</summary>
    private Task<Either<WixError, Either<IdentityFailure, T>>> SendAsync<T>(
        MemberAuthRequest request, Func<int, string?, byte[], Either<IdentityFailure, T>> read, CancellationToken cancellationToken) =>
        wix.SendAsync(
            new WixPost(request.GetType().Name, request.GetType().Name, request.Path, MemberWireBody.Serialize(request),
                MemberWireBody.AuthorizationHeader(request), MemberWireBody.GatewayHeader(request)),
            request.Repeat, read, WixCall.CodeOf, cancellationToken);
}

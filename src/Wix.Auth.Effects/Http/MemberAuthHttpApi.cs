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
    public ValueTask<AuthResult<LoginStateReply, IdentityFailure>> SendForStateAsync(MemberAuthRequest request, CancellationToken cancellationToken) =>
        request is MemberAuthRequest.Login or MemberAuthRequest.Register or MemberAuthRequest.Verify or MemberAuthRequest.Recover
            ? new(SendAsync(request, MemberWireResponses.ReadLoginState, Flatten, cancellationToken))
            : throw new ArgumentException($"{request.GetType().Name} is not answered with a login state.", nameof(request));

    /// <inheritdoc />
    public ValueTask<AuthResult<bool, IdentityFailure>> SendRecoveryEmailAsync(MemberAuthRequest.SendRecoveryEmail request, CancellationToken cancellationToken) =>
        new(SendAsync(request, MemberWireResponses.ReadEmpty, static answer => Flatten(answer).Map(static _ => true), cancellationToken));

    /// <inheritdoc />
    public ValueTask<AuthResult<SignOnReply, IdentityFailure>> SignOnAsync(MemberAuthRequest.SignOn request, CancellationToken cancellationToken) =>
        new(SendAsync(request, MemberWireResponses.ReadSignOn, Flatten, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AuthResult<TokenResponse, IdentityFailure>> RequestTokensAsync(MemberAuthRequest request, CancellationToken cancellationToken) =>
        request is MemberAuthRequest.ExternalLogin or MemberAuthRequest.ExternalLoginWithSession
            ? new(SendAsync(request, Failures(WireResponses.ReadTokens), Flatten, cancellationToken))
            : throw new ArgumentException($"{request.GetType().Name} is not a token grant.", nameof(request));

    /// <inheritdoc />
    public ValueTask<AuthResult<TokenInfoReply, IdentityFailure>> GetTokenInfoAsync(MemberAuthRequest.TokenInfo request, CancellationToken cancellationToken) =>
        new(SendAsync(request, MemberWireResponses.ReadTokenInfo, Flatten, cancellationToken));

    private static Func<int, string?, byte[], Either<IdentityFailure, T>> Failures<T>(Func<int, string?, byte[], Either<WixError, T>> read) =>
        (status, requestId, body) => read(status, requestId, body).MapLeft(IdentityFailure.Of);

    private static AuthResult<T, IdentityFailure> Flatten<T>(Either<WixError, Either<IdentityFailure, T>> result) =>
        result.Match(answer => answer, error => Either<IdentityFailure, T>.Left(IdentityFailure.Of(error))).ToResult();

    /// <summary>Sends and reads: Wix's answer (good or bad), or a transport failure (the outer Left), made the call's result by <paramref name="finish"/>.</summary>
    private Task<TResult> SendAsync<T, TResult>(
        MemberAuthRequest request, Func<int, string?, byte[], Either<IdentityFailure, T>> read,
        Func<Either<WixError, Either<IdentityFailure, T>>, TResult> finish, CancellationToken cancellationToken) =>
        wix.SendAsync(
            new WixPost(request.GetType().Name, request.GetType().Name, request.Path, MemberWireBody.Serialize(request),
                MemberWireBody.AuthorizationHeader(request), MemberWireBody.GatewayHeader(request)),
            request.Repeat, read, WixCall.CodeOf, finish, cancellationToken);
}

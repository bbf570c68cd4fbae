using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// <see cref="IWixApi"/> over <see cref="HttpClient"/>: the SDK's exact requests, Wix's answers read into typed
/// results, a failed call repeated as far as the request's own <see cref="WixRequest.Repeat"/> allows.
/// </summary>
/// <param name="http">The client the calls go through.</param>
/// <param name="options">Where Wix is (<see cref="WixAuthOptions.ApiBaseUrl"/>) and the retry budget.</param>
/// <param name="logger">Logs each call's kind, path, status and request ID, never a value it carries.</param>
public sealed class WixHttpApi(HttpClient http, WixAuthOptions options, ILogger<WixHttpApi> logger) : IWixApi
{
    private readonly WixConnection wix = new(http, options, logger);

    /// <inheritdoc />
    public ValueTask<AuthResult<TokenResponse, AuthError>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken) =>
        new(SendAsync(request, WireResponses.ReadTokens, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AuthResult<string, AuthError>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken) =>
        new(SendAsync(request, WireResponses.ReadRedirectSession, cancellationToken));

    // No async step of its own: the answer is made a result where it is read.
    private Task<AuthResult<T, AuthError>> SendAsync<T>(
        WixRequest request, Func<int, string?, byte[], Either<WixError, T>> read, CancellationToken cancellationToken)
    {
        var post = new WixPost(request.GetType().Name, WixCall.GrantOf(request), request.Path, WireBody.Serialize(request),
            request.Authorization.Map(token => token.Reveal()).IfNoneUnsafe((string?)null), WireResponses.GatewayHeader(request));
        return wix.SendAsync(post, request.Repeat, read, WixCall.CodeOf, static answer => answer.Bind(r => r).ToWixCallResult(), cancellationToken);
    }
}

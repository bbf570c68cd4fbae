using Wix.Auth.Core.Errors;
using System.Net;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth;

/// <summary>
/// Puts the session's access token (bare, as Wix expects) in <c>Authorization</c> on every request of the
/// <see cref="HttpClient"/> it is part of, refreshing it first when it expires within the margin — one refresh
/// for any number of concurrent calls.
/// </summary>
/// <remarks>
/// When no token can be had (the member's refresh was refused, Wix is unreachable), the request is not sent
/// anonymously: the handler answers 401 itself, with the reason's code in <see cref="ErrorHeader"/>, so a member
/// is never silently treated as a visitor. A fresh token costs no allocation beyond the header itself.
/// </remarks>
public sealed class WixAuthHandler(Func<WixAuthClient> client) : DelegatingHandler
{
    /// <summary>The header of a 401 answered by the handler, holding the <c>AuthError</c> code.</summary>
    public const string ErrorHeader = "x-wix-auth-error";

    /// <summary>A handler for a single client.</summary>
    public WixAuthHandler(WixAuthClient client) : this(() => client) { }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = client().GetAccessTokenAsync(cancellationToken);
        // The usual case, a fresh token read from the store, completes at once: no state machine, no task of our own.
        return token.IsCompletedSuccessfully ? Send(request, token.Result, cancellationToken) : SendWhenReadyAsync(request, token, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWhenReadyAsync(HttpRequestMessage request, ValueTask<AuthResult<Secret, AuthError>> token, CancellationToken cancellationToken) =>
        await Send(request, await token.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private Task<HttpResponseMessage> Send(HttpRequestMessage request, AuthResult<Secret, AuthError> token, CancellationToken cancellationToken)
    {
        if (!token.IsSuccess)
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                RequestMessage = request,
                Headers = { { ErrorHeader, token.Error.Code } },
            });
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", token.Value.Reveal());
        return base.SendAsync(request, cancellationToken);
    }
}

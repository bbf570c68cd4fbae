using System.Net;
using Wix.Auth.Effects.Client;

namespace Wix.Auth.Effects.Handler;

/// <summary>
/// Puts the session's access token (bare, as Wix expects) in <c>Authorization</c> on every request of the
/// <see cref="HttpClient"/> it is part of, refreshing it first when it expires within the margin — one refresh
/// for any number of concurrent calls.
/// </summary>
/// <remarks>
/// When no token can be had (the member's refresh was refused, Wix is unreachable), the request is not sent
/// anonymously: the handler answers 401 itself, with the reason's code in <see cref="ErrorHeader"/>, so a member
/// is never silently treated as a visitor.
/// </remarks>
public sealed class WixAuthHandler(Func<WixAuthClient> client) : DelegatingHandler
{
    /// <summary>The header of a 401 answered by the handler, holding the <c>AuthError</c> code.</summary>
    public const string ErrorHeader = "x-wix-auth-error";

    /// <summary>A handler for a single client.</summary>
    public WixAuthHandler(WixAuthClient client) : this(() => client) { }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await client().GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token.Case is Core.Errors.AuthError error)
            return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request, Headers = { { ErrorHeader, error.Code } } };

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", ((Core.Secrets.Secret)token.Case!).Reveal());
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Http;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// The start of every login the host sends to Wix — its page, a silent login, a social provider, or the session token of
/// the site's own form: new OAuth data, the pending login stored by the flow (with the core's TTL) and bound to this
/// browser by a protected cookie, then 302 to the login URL. Each login runs in a session of its own, so several tabs may
/// log in at once and no member session exists before the callback.
/// </summary>
internal sealed class LoginStart(
    WixAuthClientFactory clients, PendingLoginCookie pendingCookie, WixAuthRoutes routes, AuthFailure failure,
    IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix, TimeProvider time)
{
    // How long the browser's ticket lives is the core's answer, the same for every login: asked once.
    private readonly TimeSpan ticketLifetime = LoginQueries.TicketLifetime(wix.Value.ToFlowSettings());

    /// <summary>Asks <paramref name="authUrl"/> for the login URL and sends the browser there, to return to <paramref name="target"/>.</summary>
    public async Task<IResult> RedirectAsync(
        HttpContext context, string target, PendingLoginTicket ticketTemplate,
        Func<WixAuthClient, OAuthData, CancellationToken, Task<AuthResult<string, AuthError>>> authUrl)
    {
        var client = clients.CreateForOneLogin();
        // The redirect URI is made from the request's host: a hostile Host header gets an error page, not an exception.
        if (!client.TryGenerateOAuthData(routes.RedirectUri(context.Request), target).TryGetValue(out var data))
            return failure.Page(context, new AuthError.InvalidRedirectUri());

        // However long Wix asks to wait (Retry-After, slow answers, retries), the member's request ends within the budget.
        using var budget = Deadline.Start(web.Value.WixTimeBudget, context.RequestAborted);
        AuthResult<string, AuthError> url;
        try
        {
            url = await authUrl(client, data, budget.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            url = new AuthError.RemoteCallFailed(WixError.Of(WixError.Timeout));
        }
        if (!url.TryGetValue(out var location, out var error)) return failure.Page(context, error);

        pendingCookie.Write(context, routes.PathOf(context.Request),
            ticketTemplate with { State = data.State, IssuedAt = time.GetUtcNow() }, ticketLifetime);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(location);
    }
}

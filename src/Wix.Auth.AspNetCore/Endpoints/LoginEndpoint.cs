using LanguageExt;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Client;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/login?returnUrl=…</c>: new OAuth data, the pending login stored server-side (by the flow, with the
/// core's TTL) and bound to this browser by a protected cookie, the login Redirect Session, 302 to Wix. Each login runs
/// in a session of its own, so several tabs may log in at once and no member session exists before the callback.
/// </summary>
internal static class LoginEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, WixAuthClientFactory clients, PendingLoginCookie pendingCookie, WixAuthRoutes routes, AuthFailure failure,
        ReturnUrls returnUrls, IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix, TimeProvider time, string? returnUrl = null)
    {
        var target = returnUrls.OrDefault(context.Request, returnUrl);
        var client = clients.CreateForOneLogin();
        // The redirect URI is made from the request's host: a hostile Host header gets an error page, not an exception.
        if (!client.TryGenerateOAuthData(routes.RedirectUri(context.Request), target).TryGetValue(out var data))
            return failure.Page(context, new AuthError.InvalidRedirectUri());

        // However long Wix asks to wait (Retry-After, slow answers, retries), the member's request ends within the budget.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(web.Value.WixTimeBudget);
        AuthResult<string> authUrl;
        try
        {
            authUrl = await client.GetAuthUrlAsync(data, Prompt.Login, web.Value.ResponseMode, budget.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            authUrl = new AuthError.RemoteCallFailed(WixError.Of(WixError.Timeout));
        }
        if (!authUrl.TryGetValue(out var url, out var error)) return failure.Page(context, error);

        pendingCookie.Write(context, routes.PathOf(context.Request), new PendingLoginTicket(data.State, target, time.GetUtcNow()), wix.Value.PendingLoginTtl);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(url);
    }
}

using LanguageExt;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/login?returnUrl=…</c>: new OAuth data, the pending login stored server-side (by the flow, with the
/// core's TTL) and bound to this browser by a protected cookie, the login Redirect Session, 302 to Wix.
/// </summary>
internal static class LoginEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, WixAuthClientFactory clients, ITokenStore tokens, PendingLoginCookie pendingCookie, WixAuthRoutes routes, AuthFailure failure,
        IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix, TimeProvider time, string? returnUrl = null)
    {
        var options = web.Value;
        var home = context.Request.PathBase + options.DefaultReturnPath;
        var target = RedirectTarget.OrDefault(ReturnUrlPolicy.OrDefault(returnUrl, options.AllowedReturnOrigins, home), home);
        var oauthData = clients.Create(SessionId.NoSession).GenerateOAuthData(routes.RedirectUri(context.Request));
        if (oauthData.Case is not Core.OAuth.OAuthData data)
            return failure.Page(context, new AuthError.InvalidRedirectUri());

        // The visitor tokens that pay for the Redirect Session belong to this one request, not to any member session.
        var loginKey = "wix.web:login:" + data.State;
        // However long Wix asks to wait (Retry-After, slow answers, retries), the member's request ends within the budget.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(options.WixTimeBudget);
        Either<AuthError, string> authUrl;
        try
        {
            authUrl = await clients.Create(loginKey).GetAuthUrlAsync(data, Prompt.Login, options.ResponseMode, budget.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            authUrl = new AuthError.RemoteCallFailed(WixError.Of(WixError.Timeout));
        }
        finally
        {
            await tokens.ClearAsync(loginKey, CancellationToken.None);
        }
        if (authUrl.Case is not string url) return failure.Page(context, (AuthError)authUrl.Case!);

        pendingCookie.Write(context, routes.PathOf(context.Request), new PendingLoginTicket(data.State, target, time.GetUtcNow()), wix.Value.PendingLoginTtl);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(url);
    }
}

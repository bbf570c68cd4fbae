using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// The end of a login, whichever way the callback arrived: the browser's ticket names its pending login, the core
/// checks the callback against it (state, TTL, single use) and exchanges the code, and only then does a member session
/// exist — a new id, so no one can plant a session id before login. Any failure leaves no session and shows the error page.
/// </summary>
internal sealed class CallbackCompletion(
    WixAuthClientFactory clients, ITokenStore tokens, PendingLoginCookie pendingCookie, MemberSessionCookie sessionCookie,
    WixAuthRoutes routes, AuthFailure failure, IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix, TimeProvider time)
{
    /// <summary>Completes the login that <paramref name="callbackUrl"/> answers, as Wix wrote it in <paramref name="mode"/>.</summary>
    public async Task<IResult> CompleteAsync(HttpContext context, string callbackUrl, ResponseMode mode)
    {
        var ticket = pendingCookie.Read(context);
        if (ticket is null) return failure.Page(context, new AuthError.NoPendingLogin());

        var parsed = CallbackParser.ParseFromUrl(callbackUrl, mode);
        if (parsed.Case is not CallbackParams callback) return failure.Page(context, (AuthError)parsed.Case!);
        // A callback that is not this browser's login (forged, planted by another site, a stale tab) is refused without
        // touching the login in progress: its ticket stays, so the real callback still completes it.
        if (!SameState(callback.State, ticket.State)) return failure.Page(context, new AuthError.StateMismatch());

        // Where the member goes is settled before anything is stored, so nothing can fail once the code is spent.
        var options = web.Value;
        var home = context.Request.PathBase + options.DefaultReturnPath;
        var target = RedirectTarget.OrDefault(ReturnUrlPolicy.OrDefault(ticket.ReturnUrl, options.AllowedReturnOrigins, home), home);

        var sessionId = SessionId.New();
        var result = await clients.Create(SessionId.KeyOf(sessionId)!).GetMemberTokensAsync(callback, ticket.State, context.RequestAborted);
        // While the store is down the code was not spent: the ticket stays, so reloading the page later completes the login.
        if (result.Case is not AuthError.StoreUnavailable) pendingCookie.Delete(context, routes.PathOf(context.Request));
        if (result.Case is AuthError error) return failure.Page(context, Explain(error, ticket));

        // A browser that already had a session gets a new one; the old one's tokens must not linger on the server.
        if (sessionCookie.KeyOf(context.Request) is { } previous) await tokens.ClearAsync(previous, CancellationToken.None);
        sessionCookie.Start(context.Response, sessionId);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(target);
    }

    private static bool SameState(string callbackState, string ticketState) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(callbackState), Encoding.UTF8.GetBytes(ticketState));

    // The store forgets an expired login, so the flow can only say "none pending"; the ticket's age tells the member why.
    private AuthError Explain(AuthError error, PendingLoginTicket ticket) =>
        error is AuthError.NoPendingLogin && time.GetUtcNow() - ticket.IssuedAt > wix.Value.PendingLoginTtl ? new AuthError.PendingLoginExpired() : error;
}

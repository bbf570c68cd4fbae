using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// The end of a login, whichever way the callback arrived: the browser's ticket names its pending login, the core
/// checks the callback against it (state, TTL, single use) and exchanges the code, and only then does a member session
/// exist — a new id, so no one can plant a session id before login. Any failure leaves no session and shows the error page.
/// </summary>
internal sealed class CallbackCompletion(
    WixAuthClientFactory clients, ISessionStore tokens, PendingLoginCookie pendingCookie, MemberSessionCookie sessionCookie,
    WixAuthRoutes routes, AuthFailure failure, ReturnUrls returnUrls,
    IOptions<WixAuthOptions> wix, TimeProvider time, ILogger<CallbackCompletion> logger)
{
    /// <summary>Completes the login that <paramref name="callbackUrl"/> answers, as Wix wrote it in <paramref name="mode"/>.</summary>
    public async Task<IResult> CompleteAsync(HttpContext context, string callbackUrl, ResponseMode mode)
    {
        var ticket = pendingCookie.Read(context);
        if (ticket is null) return failure.Page(context, new AuthError.NoPendingLogin());

        var sessionId = SessionId.New();
        var client = clients.Create(SessionId.KeyOf(sessionId)!);
        var parsed = client.ParseFromUrl(callbackUrl, mode);
        if (!parsed.IsSuccess) return failure.Page(context, parsed.Error);

        var completion = await client.CompleteCallbackAsync(parsed.Value, ticket.State, context.RequestAborted);
        var result = completion.Tokens;
        if (result.IsSuccess || !LoginQueries.KeepsLoginTicket(result.Error)) pendingCookie.Delete(context, routes.PathOf(context.Request));
        // Where the member goes is the core's answer, checked when the login began; the site's default page when it names none.
        var target = completion.ReturnTo ?? returnUrls.Default(context.Request);
        // A visitor's silent login that Wix answered "login required" is no error: back where they were, anonymous.
        if (!result.IsSuccess && LoginQueries.EndsQuietly(ticket.Prompt, result.Error)) return Results.Redirect(target);
        if (!result.IsSuccess) return failure.Page(context, LoginQueries.WhyLoginFailed(wix.Value.ToFlowSettings(), result.Error, ticket.IssuedAt, time.GetUtcNow()));

        // Who the member is, as the core answers: named by the site's own form, else Wix's token info (asked once, kept in
        // the session's entry, where the claims come from). Unknown, the member is still logged in, only without the member-ID claim.
        var member = (await client.GetMemberIdentityAsync(context.RequestAborted)).TryGetValue(out var identity) ? identity?.MemberId : null;
        var previous = sessionCookie.KeyOf(context.Request);
        context.Response.Headers.CacheControl = "no-store";
        if (previous is not null && LoginQueries.ReplacementNeedsSession(ticket.Prompt) && !await MayReplaceAsync(previous, ticket.Prompt, member))
        {
            // A silent login came back as someone else (a Wix session planted in this browser): the member keeps their own
            // session, and the other member's tokens are not kept.
            logger.LogWarning("A silent login returned another member than the browser's session; the session was kept.");
            await client.ForgetAsync(CancellationToken.None);
            return Results.Redirect(target);
        }

        // A browser that already had a session gets a new one; the old one's tokens must not linger on the server.
        if (previous is not null) await clients.Create(previous).ForgetAsync(CancellationToken.None);
        sessionCookie.Start(context.Response, sessionId);
        return Results.Redirect(target);
    }

    // The core's rule; what the host knows: whether the browser's session is a member's, and whose (read only for a login
    // whose answer depends on it).
    private async Task<bool> MayReplaceAsync(string previous, Prompt prompt, string? member)
    {
        var state = await tokens.GetAsync(previous, CancellationToken.None);
        var sessionMember = state is null ? LanguageExt.Option<string>.None : LoginQueries.MemberIdentityOf(state).Map(m => m.MemberId);
        return LoginQueries.MayReplaceSession(prompt, state is not null && LoginQueries.IsMember(state), sessionMember, LanguageExt.Prelude.Optional(member));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wix.Auth.AspNetCore.Endpoints;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.AspNetCore.Pages;

/// <summary>
/// Answers a failed login with the error page, linking to the login endpoint and the site's default page. An outage
/// (the store or Wix) and a misconfiguration are logged at Warning with their cause: the member sees a code, the operator
/// needs to know what to fix. A member's own failures (cancelled, expired, forged) are not the site's problem and are not logged here.
/// </summary>
internal sealed class AuthFailure(WixAuthRoutes routes, IOptions<WixAuthWebOptions> web, ILogger<AuthFailure> logger, IServiceProvider services)
{
    /// <summary>The error page for <paramref name="error"/>.</summary>
    public IResult Page(HttpContext context, AuthError error)
    {
        var kind = Failures.KindOf(error);
        if (kind != FailureKind.StartAgain) logger.LogWarning("Answered a login with {Code} ({Kind}): {Message}{Cause}", error.Code, kind, error.Message, Cause(error));
        return AuthErrorPage.Render(context, error, routes.LoginPath(context.Request), context.Request.PathBase + web.Value.DefaultReturnPath);
    }

    // Where the store lives and whether it is connected: its endpoints, never its connection string (it may hold a password).
    // What Wix answered: its status and request ID (for Wix's support), or that nothing came back.
    private string Cause(AuthError error) =>
        Failures.ReasonOf(error) == FailureReason.StoreUnavailable && services.GetService<IConnectionMultiplexer>() is { } redis
            ? $" Redis at {string.Join(", ", redis.GetEndPoints().Select(e => e.ToString()))} is {(redis.IsConnected ? "connected but failing" : "not connected")}."
            : Failures.WixAnswerOf(error).Match(Answered, () => "");

    private static string Answered(WixError wix) =>
        wix.HttpStatus.Match(status => $" Wix answered HTTP {status}", () => " No answer from Wix")
        + wix.RequestId.Match(id => $" (x-wix-request-id {id}).", () => ".");
}

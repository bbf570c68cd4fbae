using System.Globalization;
using Microsoft.AspNetCore.Http;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.AspNetCore.Pages;

/// <summary>
/// What a member sees when a login or logout fails: a sentence they can act on, the stable error code for support, a
/// way back. Status 400, or 503 with <c>Retry-After</c> while the site's store is unavailable; never a stack trace, a token
/// or the callback URL.
/// </summary>
internal static class AuthErrorPage
{
    /// <summary>How long a member is asked to wait while the store is unavailable.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The page for <paramref name="error"/>, with a link to log in again at <paramref name="loginPath"/>.</summary>
    public static IResult Render(HttpContext context, AuthError error, string loginPath, string homePath)
    {
        var status = StatusOf(error);
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return HtmlPage.Render(context, Title(error), $"""
            <p role="alert">{HtmlPage.Encode(Explanation(error))}</p>
            <p>Error code: <code id="error-code">{HtmlPage.Encode(error.Code)}</code></p>
            <p><a href="{HtmlPage.Encode(loginPath)}">Log in again</a> or <a href="{HtmlPage.Encode(homePath)}">go to the home page</a>.</p>
            """, status);
    }

    // 503 for what passes by itself (the store, Wix unreachable or busy); 500 for what the site's owner must fix; 400 otherwise.
    private static int StatusOf(AuthError error) => Failures.KindOf(error) switch
    {
        FailureKind.TryAgainLater => StatusCodes.Status503ServiceUnavailable,
        FailureKind.Misconfigured => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string Title(AuthError error) => Failures.ReasonOf(error) switch
    {
        FailureReason.Cancelled => "Login cancelled",
        FailureReason.StoreUnavailable => "Temporarily unavailable",
        _ => "Login failed",
    };

    private static string Explanation(AuthError error) => Failures.ReasonOf(error) switch
    {
        FailureReason.Cancelled => "You cancelled the login. You are not logged in.",
        FailureReason.Denied => "Wix did not log you in.",
        FailureReason.Expired => "The login took too long and has expired. Please start again.",
        FailureReason.NotThisBrowsersLogin => "This login link does not belong to a login started in this browser, or it was already used. Please start again.",
        FailureReason.StoreUnavailable => "Member logins are unavailable for a moment. Nothing was lost: please try again in a few seconds.",
        FailureReason.Misconfigured =>
            $"Wix refused this site's login request ({Failures.AsWixError(error).Code}): the site's login is not set up correctly. Please tell the site's owner.",
        FailureReason.CodeSpent => "This login link was already used or has expired. Please start again.",
        FailureReason.WixUnavailable => "Wix could not be reached to complete the login. Please try again in a moment.",
        FailureReason.Unreadable => "The answer from the login page was not understood. Please start again.",
        _ => "The login could not be completed.",
    };
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Wix.Auth.AspNetCore.Authentication;
using Wix.Auth.Effects.Client;

namespace Wix.Auth.Samples.WebSite;

/// <summary>
/// The demo's home page, plain accessible HTML without scripts: a visitor sees a Log in button (Wix's page), a link to the
/// site's own forms (<see cref="SignInPage"/>) and "Continue with Google"; a member sees their name
/// (from the Members API, with their token), when their access token expires (never the token) and a Log out button.
/// </summary>
internal static class HomePage
{
    public static async Task<IResult> RenderAsync(HttpContext context, WixAuthClient client, MembersApi members, IAntiforgery antiforgery)
    {
        var body = new StringBuilder();
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var (name, problem) = await members.GetMyNameAsync(context.RequestAborted);
            var expiresAt = (await client.GetTokensAsync(context.RequestAborted))?.AccessToken.ExpiresAt;
            body.Append(name is null
                ? $"<p id=\"status\">You are logged in as a member, but your name could not be loaded ({Encode(problem!)}).</p>"
                : $"<p id=\"status\">You are logged in as <strong id=\"member-name\">{Encode(name)}</strong>.</p>");
            // The member's Wix IDs are claims of the principal, whichever way they logged in.
            if (context.User.FindFirst(WixMemberDefaults.MemberIdClaim)?.Value is { } memberId)
                body.Append($"<p>Your member ID is <code id=\"member-id\">{Encode(memberId)}</code>.</p>");
            if (expiresAt is { } at) body.Append(
                $"<p>Your access token expires at <time id=\"token-expiry\" datetime=\"{at.UtcDateTime:O}\">{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>; it is renewed for you when due.</p>");
            var tokens = antiforgery.GetAndStoreTokens(context);
            body.Append($"""
                <form method="post" action="{Encode(context.Request.PathBase + "/auth/logout")}">
                <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}">
                <button type="submit">Log out</button>
                </form>
                """);
        }
        else
        {
            // A social login may end without a page, so it starts only from this site: posted with the antiforgery token.
            var visitorTokens = antiforgery.GetAndStoreTokens(context);
            body.Append($"""
                <p id="status">You are a visitor.</p>
                <form method="get" action="{Encode(context.Request.PathBase + "/auth/login")}">
                <input type="hidden" name="returnUrl" value="{Encode(context.Request.PathBase + "/")}">
                <button type="submit">Log in</button>
                </form>
                <p><a id="own-forms" href="{Encode(context.Request.PathBase + "/sign-in")}">Log in or sign up with this site's own form</a></p>
                <form method="post" action="{Encode(context.Request.PathBase + "/auth/login")}">
                <input type="hidden" name="{Encode(visitorTokens.FormFieldName)}" value="{Encode(visitorTokens.RequestToken ?? "")}">
                <input type="hidden" name="provider" value="google">
                <button type="submit">Continue with Google</button>
                </form>
                """);
        }
        return Page(context, "Wix member login demo", body.ToString());
    }

    /// <summary>A page only members may see: the scheme's challenge sends visitors to log in first.</summary>
    public static IResult Account(HttpContext context) =>
        Page(context, "Your account", $"<p id=\"status\">Only members see this page.</p><p><a href=\"{Encode(context.Request.PathBase + "/")}\">Home</a></p>");

    internal static IResult Page(HttpContext context, string title, string body)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5{"}"}</style>
            </head>
            <body>
            <main>
            <h1>{Encode(title)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}

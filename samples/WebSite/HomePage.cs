using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Wix.Auth.AspNetCore;

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
        Page(context, "Members' page", $"<p id=\"status\">Only members see this page: a visitor who opens it logs in first and comes back here.</p>"
            + (context.User.FindFirst(WixMemberDefaults.MemberIdClaim)?.Value is { } memberId ? $"<p>You are the Wix member <code>{Encode(memberId)}</code>.</p>" : ""));

    // Inline, so the page needs no other request and the CSP can stay 'none' for everything but styles.
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:0 1rem 2rem;line-height:1.5;color:#1d1d1f;background:#f6f7f9}
        nav{display:flex;gap:1.25rem;padding:.9rem 0;border-bottom:1px solid #dde1e6;margin-bottom:1.5rem}
        nav a{color:#3154d8;text-decoration:none;font-weight:600}nav a:hover{text-decoration:underline}
        main{background:#fff;border:1px solid #dde1e6;border-radius:12px;padding:1.25rem 1.5rem 1.5rem}
        h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        form{display:flex;flex-direction:column;gap:.45rem;margin:.75rem 0;max-width:22rem}
        label{font-weight:600;font-size:.9rem}
        input{font:inherit;padding:.5rem .6rem;border:1px solid #b9c0ca;border-radius:8px}
        input:focus{outline:2px solid #3154d8;outline-offset:1px}
        button{font:inherit;font-weight:600;padding:.55rem 1rem;border:0;border-radius:8px;background:#3154d8;color:#fff;cursor:pointer;align-self:flex-start}
        button:hover{background:#2542b0}
        [role=alert]{background:#fdecec;border:1px solid #f3b4b4;color:#8a1c1c;border-radius:8px;padding:.6rem .8rem}
        .note{background:#eef3ff;border:1px solid #c9d6fb;border-radius:8px;padding:.6rem .8rem}
        code{background:#f0f1f4;padding:.1rem .3rem;border-radius:4px}
        """;

    internal static IResult Page(HttpContext context, string title, string body, PageScript? script = null)
    {
        var home = context.Request.PathBase + "/";
        context.Response.Headers.CacheControl = "no-store";
        // Scripts: none, or the page's one inline script, allowed by its hash.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; "
            + (script is null ? "" : $"script-src '{script.Hash}'; ") + "form-action 'self' http: https:; frame-ancestors 'none'";
        if (script is not null) body += $"<script>{script.Code}</script>";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <nav><a href="{Encode(home)}">Home</a> <a id="members-page" href="{Encode(home + "account")}">Members' page</a> <a href="{Encode(home + "sign-in")}">Log in or sign up</a></nav>
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

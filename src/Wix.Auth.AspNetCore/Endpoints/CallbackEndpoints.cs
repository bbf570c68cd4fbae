using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>The two ways back from Wix: the query (the server reads it) and the fragment (a page reads it and posts it).</summary>
internal static class CallbackEndpoints
{
    /// <summary>The form field that carries <c>location.hash</c>.</summary>
    public const string FragmentField = "fragment";

    /// <summary><c>GET {prefix}/callback?code=…&amp;state=…</c> (or <c>error=…</c>).</summary>
    public static Task<IResult> QueryAsync(HttpContext context, CallbackCompletion completion, WixAuthRoutes routes) =>
        completion.CompleteAsync(context, routes.AbsoluteWithQuery(context.Request), ResponseMode.Query);

    /// <summary>
    /// <c>GET {prefix}/callback-fragment</c>: the browser keeps the fragment to itself, so this page posts it back — with an
    /// antiforgery token — and removes it from the address bar and history first.
    /// </summary>
    public static IResult FragmentPage(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var action = context.Request.PathBase + context.Request.Path;
        return HtmlPage.Render(context, "Completing your login", $"""
            <p>One moment, please.</p>
            <form id="wix-callback" method="post" action="{HtmlPage.Encode(action)}">
            <input type="hidden" name="{HtmlPage.Encode(tokens.FormFieldName)}" value="{HtmlPage.Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="{FragmentField}" id="wix-fragment" value="">
            <noscript><p>This step needs JavaScript. Please enable it and log in again.</p></noscript>
            </form>
            <script nonce="{nonce}">
            document.getElementById("wix-fragment").value = location.hash;
            history.replaceState(null, "", location.pathname);
            document.getElementById("wix-callback").submit();
            </script>
            """, StatusCodes.Status200OK, nonce);
    }

    /// <summary><c>POST {prefix}/callback-fragment</c>: what the page posted, read as the callback URL's fragment.</summary>
    public static async Task<IResult> FragmentPostAsync(
        HttpContext context, IAntiforgery antiforgery, CallbackCompletion completion, AuthFailure failure, WixAuthRoutes routes)
    {
        if (await FormInput.ReadAsync(context) is not { } form) return failure.Page(context, new AuthError.InvalidUrl());
        if (!await antiforgery.IsRequestValidAsync(context)) return failure.Page(context, new AuthError.NoPendingLogin());
        var fragment = form[FragmentField].ToString();
        var url = routes.Absolute(context.Request, context.Request.Path) + (fragment.StartsWith('#') ? fragment : "#" + fragment);
        return await completion.CompleteAsync(context, url, ResponseMode.Fragment);
    }
}

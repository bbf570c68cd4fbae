using LanguageExt;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// <c>GET|POST {prefix}/login?returnUrl=…[&amp;prompt=none][&amp;provider=google|facebook|&lt;connection id&gt;]</c>: Wix's
/// login page; with <c>prompt=none</c> a silent login (a member with a Wix session comes back logged in, a visitor comes
/// back anonymous, quietly); with <c>provider</c> the social provider's page ("Continue with Google"), for the providers
/// in <see cref="WixAuthWebOptions.IdentityProviders"/>. A login that may end without a page starts only from this site
/// (<see cref="LoginQueries.NeedsSameOriginStart"/>): a <c>GET</c> the browser marks <c>Sec-Fetch-Site: same-origin</c>
/// or <c>none</c>, or a <c>POST</c> with the antiforgery token; any other request gets a page whose button posts it.
/// </summary>
internal static class LoginEndpoint
{
    public static Task<IResult> GetAsync(
        HttpContext context, LoginStart start, ReturnUrls returnUrls, AuthFailure failure, IAntiforgery antiforgery, IOptions<WixAuthWebOptions> web,
        string? returnUrl = null, string? prompt = null, string? provider = null) =>
        StartAsync(context, start, returnUrls, failure, antiforgery, web.Value, returnUrl, prompt, provider, IsFromThisSite(context.Request));

    public static async Task<IResult> PostAsync(
        HttpContext context, LoginStart start, ReturnUrls returnUrls, AuthFailure failure, IAntiforgery antiforgery, IOptions<WixAuthWebOptions> web)
    {
        // LoginRateLimit has checked the form's antiforgery token before counting it.
        if (await FormInput.ReadAsync(context) is not { } form) return LoginRateLimit.Refused(context);
        return await StartAsync(context, start, returnUrls, failure, antiforgery, web.Value,
            form["returnUrl"].ToString(), form["prompt"].ToString(), form["provider"].ToString(), fromThisSite: true);
    }

    private static Task<IResult> StartAsync(
        HttpContext context, LoginStart start, ReturnUrls returnUrls, AuthFailure failure, IAntiforgery antiforgery, WixAuthWebOptions web,
        string? returnUrl, string? prompt, string? provider, bool fromThisSite)
    {
        var asked = prompt == "none" ? Prompt.None : Prompt.Login;
        var social = provider is { Length: > 0 };
        Option<IdentityProvider> idp = Option<IdentityProvider>.None;
        if (social)
        {
            var offered = IdentityProvider.Offered(provider!, Prelude.toSeq(web.IdentityProviders));
            if (offered.IsLeft) return Task.FromResult(failure.Page(context, offered.LeftToSeq().Head));
            idp = offered.RightToSeq().Head;
        }
        if (!fromThisSite && LoginQueries.NeedsSameOriginStart(asked, social))
            return Task.FromResult(Confirm(context, antiforgery, returnUrl, prompt, provider));

        var target = returnUrls.OrDefault(context.Request, returnUrl);
        var mode = web.ResponseMode;
        return idp.Match(
            p => start.RedirectAsync(context, target, Ticket(Prompt.Login), (client, data, ct) => client.GetAuthUrlAsync(data, p, mode, ct)),
            () => start.RedirectAsync(context, target, Ticket(asked), (client, data, ct) => client.GetAuthUrlAsync(data, asked, mode, ct)));
    }

    // Fetch metadata: the browser, not the page, says where a request comes from; "none" is the member's own typing or bookmark.
    private static bool IsFromThisSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is "same-origin" or "none";

    // Another site (or a browser without fetch metadata) asked: the member presses the button, which posts it with this site's token.
    private static IResult Confirm(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? prompt, string? provider)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var action = context.Request.PathBase + context.Request.Path;
        return HtmlPage.Render(context, "Continue to log in", $"""
            <p>A login was asked for from outside this site. Continue only if you meant to log in here.</p>
            <form method="post" action="{HtmlPage.Encode(action)}">
            <input type="hidden" name="{HtmlPage.Encode(tokens.FormFieldName)}" value="{HtmlPage.Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="returnUrl" value="{HtmlPage.Encode(returnUrl ?? "")}">
            <input type="hidden" name="prompt" value="{HtmlPage.Encode(prompt ?? "")}">
            <input type="hidden" name="provider" value="{HtmlPage.Encode(provider ?? "")}">
            <button type="submit" id="continue-login">Continue</button>
            </form>
            """, StatusCodes.Status403Forbidden);
    }

    private static PendingLoginTicket Ticket(Prompt prompt) => new("", default, prompt);
}

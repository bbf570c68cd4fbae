using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/login?returnUrl=…[&amp;prompt=none][&amp;provider=google|facebook|&lt;connection id&gt;]</c>: Wix's login
/// page; with <c>prompt=none</c> a silent login (a member with a Wix session comes back logged in, a visitor comes back
/// anonymous, quietly); with <c>provider</c> the social provider's page ("Continue with Google").
/// </summary>
internal static class LoginEndpoint
{
    public static Task<IResult> HandleAsync(
        HttpContext context, LoginStart start, ReturnUrls returnUrls, IOptions<WixAuthWebOptions> web,
        string? returnUrl = null, string? prompt = null, string? provider = null)
    {
        var target = returnUrls.OrDefault(context.Request, returnUrl);
        var mode = web.Value.ResponseMode;
        if (ProviderOf(provider) is { } idp)
            return start.RedirectAsync(context, target, Ticket(Prompt.Login), (client, data, ct) => client.GetAuthUrlAsync(data, idp, mode, ct));
        var asked = prompt == "none" ? Prompt.None : Prompt.Login;
        return start.RedirectAsync(context, target, Ticket(asked), (client, data, ct) => client.GetAuthUrlAsync(data, asked, mode, ct));
    }

    // The provider names @wix/sdk knows; any other value is a connection ID of the site (the core refuses an empty one).
    private static IdentityProvider? ProviderOf(string? provider) => provider switch
    {
        null or "" => null,
        "google" => IdentityProvider.Google,
        "facebook" => IdentityProvider.Facebook,
        _ => IdentityProvider.Connection(provider),
    };

    private static PendingLoginTicket Ticket(Prompt prompt) => new("", "", default, prompt);
}

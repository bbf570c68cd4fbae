using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Storage;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>What the browser carries between login and callback: which pending login is its own (where to return is the pending login's).</summary>
/// <param name="State">The pending login's <c>state</c>; the callback's must equal it.</param>
/// <param name="IssuedAt">When the login began, to tell an expired login from a forged one.</param>
/// <param name="Prompt">What the login asked of Wix: a silent login's <c>login_required</c> returns quietly, anonymous.</param>
internal sealed record PendingLoginTicket(string State, DateTimeOffset IssuedAt, Prompt Prompt = Prompt.Login);

/// <summary>
/// The pending-login cookie: the ticket encrypted and signed with ASP.NET Data Protection (so the browser can neither read
/// nor forge it, and every instance sharing the key ring can open it), HttpOnly, SameSite=Lax, scoped to the auth paths
/// (on HTTPS: <c>__Host-</c>, Secure, path <c>/</c>, as <see cref="SiteCookie"/> explains).
/// </summary>
internal sealed class PendingLoginCookie(IDataProtectionProvider protection, IOptions<WixAuthWebOptions> options)
{
    private readonly ProtectedJson<PendingLoginTicket> protector = new(protection, "Wix.Auth.AspNetCore.PendingLogin.v1", WebJsonContext.Default.PendingLoginTicket);

    /// <summary>Binds <paramref name="ticket"/> to the browser for <paramref name="timeToLive"/>.</summary>
    public void Write(HttpContext context, string path, PendingLoginTicket ticket, TimeSpan timeToLive)
    {
        context.Response.Cookies.Append(Name(context.Request), protector.Protect(ticket), SiteCookie.Options(context.Request, options.Value, path, timeToLive));
    }

    /// <summary>The browser's ticket, or null when it has none or it was tampered with or made with an unknown key.</summary>
    public PendingLoginTicket? Read(HttpContext context) => protector.Unprotect(context.Request.Cookies[Name(context.Request)]);

    /// <summary>Forgets the ticket: the callback of its own login uses it up, whatever the outcome.</summary>
    public void Delete(HttpContext context, string path) =>
        context.Response.Cookies.Delete(Name(context.Request), SiteCookie.Options(context.Request, options.Value, path));

    private string Name(HttpRequest request) => SiteCookie.Name(request, options.Value, options.Value.PendingLoginCookieName);
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Storage;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>A sign-up or login that waits for the mailed code.</summary>
/// <param name="StateToken">Wix's state token for the code; a secret, readable by no one but the host.</param>
/// <param name="MemberId">The member Wix named, when it did.</param>
/// <param name="ContactId">Their contact ID, when Wix gave it.</param>
/// <param name="ReturnUrl">Where the member goes once verified.</param>
/// <param name="IssuedAt">When the code was mailed: the core refuses the ticket once the pending-login TTL has passed.</param>
/// <param name="Decoy">True when no code was mailed: a sign-up with a member's address, answered like a new one.</param>
internal sealed record VerificationTicket(string StateToken, string? MemberId, string? ContactId, string ReturnUrl, DateTimeOffset IssuedAt, bool Decoy = false);

/// <summary>
/// The browser carries its own pending verification, encrypted and signed, for the pending-login TTL: the server keeps
/// nothing for a form that was never finished, and no visitor can continue another's verification.
/// </summary>
internal sealed class VerificationCookie(IDataProtectionProvider protection, IOptions<WixAuthWebOptions> web)
{
    private readonly ProtectedJson<VerificationTicket> protector = new(protection, "Wix.Auth.AspNetCore.Verification.v1", WebJsonContext.Default.VerificationTicket);

    public void Write(HttpContext context, string path, VerificationTicket ticket, TimeSpan timeToLive) =>
        context.Response.Cookies.Append(Name(context.Request), protector.Protect(ticket), SiteCookie.Options(context.Request, web.Value, path, timeToLive));

    public VerificationTicket? Read(HttpContext context) => protector.Unprotect(context.Request.Cookies[Name(context.Request)]);

    public void Delete(HttpContext context, string path) =>
        context.Response.Cookies.Delete(Name(context.Request), SiteCookie.Options(context.Request, web.Value, path));

    private string Name(HttpRequest request) => SiteCookie.Name(request, web.Value, web.Value.PendingLoginCookieName + ".verify");
}

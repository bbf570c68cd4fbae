using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Storage;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>Who the member of a session is, as the host learned it at login.</summary>
/// <param name="SessionKey">The session it belongs to: the cookie counts only beside that session's cookie.</param>
/// <param name="MemberId">The member's ID.</param>
/// <param name="ContactId">The member's contact ID, when Wix gave it.</param>
internal sealed record MemberIdentityTicket(string SessionKey, string MemberId, string? ContactId);

/// <summary>
/// The member's identity beside the session cookie, protected like the pending-login ticket: the claims come from it on
/// every request without a call to Wix or a read of the store, and it is bound to its session, so a cookie copied into
/// another session names no one.
/// </summary>
internal sealed class MemberIdentityCookie(IDataProtectionProvider protection, IOptions<WixAuthWebOptions> options)
{
    private readonly ProtectedJson<MemberIdentityTicket> protector = new(protection, "Wix.Auth.AspNetCore.MemberIdentity.v1", WebJsonContext.Default.MemberIdentityTicket);

    public void Write(HttpResponse response, MemberIdentityTicket ticket) =>
        response.Cookies.Append(Name(response.HttpContext.Request), protector.Protect(ticket), SiteCookie.Options(response.HttpContext.Request, options.Value, "/"));

    /// <summary>The identity of the session <paramref name="sessionKey"/>, or null when the browser has none for it.</summary>
    public MemberIdentityTicket? Read(HttpRequest request, string sessionKey) =>
        protector.Unprotect(request.Cookies[Name(request)]) is { } ticket && ticket.SessionKey == sessionKey ? ticket : null;

    public void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name(response.HttpContext.Request), SiteCookie.Options(response.HttpContext.Request, options.Value, "/"));

    private string Name(HttpRequest request) => SiteCookie.Name(request, options.Value, options.Value.SessionCookieName + ".member");
}

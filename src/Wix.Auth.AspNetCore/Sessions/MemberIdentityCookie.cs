using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
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
/// <remarks>
/// Opening the cookie (AES, HMAC, base64, JSON) would cost an authenticated request more than everything else it does,
/// and a cookie's text always opens to the same ticket; so up to <see cref="RecentTickets"/> opened tickets are kept (a
/// full cache compacts itself, keeping the recently used), each for <see cref="KeptFor"/> after its last use. Only
/// tickets this site wrote can enter, one per login, so no request can fill the cache with junk.
/// </remarks>
internal sealed class MemberIdentityCookie(IDataProtectionProvider protection, IOptions<WixAuthWebOptions> options) : IDisposable
{
    /// <summary>How many opened cookies are kept at most.</summary>
    internal const int RecentTickets = 10_000;

    /// <summary>How long an opened cookie is kept after its last use.</summary>
    internal static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(20);

    private static readonly MemoryCacheEntryOptions Kept = new() { Size = 1, SlidingExpiration = KeptFor };
    private readonly ProtectedJson<MemberIdentityTicket> protector = new(protection, "Wix.Auth.AspNetCore.MemberIdentity.v1", WebJsonContext.Default.MemberIdentityTicket);
    private readonly MemoryCache recent = new(new MemoryCacheOptions { SizeLimit = RecentTickets });

    public void Write(HttpResponse response, MemberIdentityTicket ticket) =>
        response.Cookies.Append(Name(response.HttpContext.Request), protector.Protect(ticket), SiteCookie.Options(response.HttpContext.Request, options.Value, "/"));

    /// <summary>The identity of the session <paramref name="sessionKey"/>, or null when the browser has none for it.</summary>
    public MemberIdentityTicket? Read(HttpRequest request, string sessionKey)
    {
        if (request.Cookies[Name(request)] is not { } text) return null;
        if (!recent.TryGetValue(text, out MemberIdentityTicket? ticket) && (ticket = protector.Unprotect(text)) is not null)
            recent.Set(text, ticket, Kept);
        return ticket is not null && ticket.SessionKey == sessionKey ? ticket : null;
    }

    public void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name(response.HttpContext.Request), SiteCookie.Options(response.HttpContext.Request, options.Value, "/"));

    /// <inheritdoc />
    public void Dispose() => recent.Dispose();

    private string Name(HttpRequest request) => SiteCookie.Name(request, options.Value, options.Value.SessionCookieName + ".member");
}

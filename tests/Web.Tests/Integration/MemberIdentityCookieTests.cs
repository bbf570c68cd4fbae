using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wix.Auth.AspNetCore;
using Wix.Auth.AspNetCore.Sessions;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// The member's identity cookie is opened once, not on every request (the cost an authenticated request would otherwise
/// pay), and what is kept changes nothing it answers: the session binding holds, and a forged cookie is never kept.
/// </summary>
public sealed class MemberIdentityCookieTests
{
    private static readonly MemberIdentityTicket Ticket = new("session-key-1", "member-1", "contact-1");

    [Fact]
    public void A_members_identity_cookie_is_opened_once_for_many_requests()
    {
        var protection = new CountingProtection();
        using var cookie = new MemberIdentityCookie(protection, Options.Create(new WixAuthWebOptions()));
        var header = Written(cookie);

        for (var i = 0; i < 50; i++) Assert.Equal(Ticket, cookie.Read(Request(header), "session-key-1"));

        Assert.Equal(1, protection.Unprotected);
    }

    [Fact]
    public void A_kept_identity_still_names_no_one_beside_another_session()
    {
        var protection = new CountingProtection();
        using var cookie = new MemberIdentityCookie(protection, Options.Create(new WixAuthWebOptions()));
        var header = Written(cookie);

        Assert.Equal(Ticket, cookie.Read(Request(header), "session-key-1"));
        Assert.Null(cookie.Read(Request(header), "session-key-2"));
    }

    [Fact]
    public void A_forged_identity_cookie_is_refused_every_time_and_never_kept()
    {
        var protection = new CountingProtection();
        using var cookie = new MemberIdentityCookie(protection, Options.Create(new WixAuthWebOptions()));
        var forged = Written(cookie).Replace("=", "=x", StringComparison.Ordinal);

        for (var i = 0; i < 3; i++) Assert.Null(cookie.Read(Request(forged), "session-key-1"));

        Assert.Equal(3, protection.Unprotected);
    }

    // The Set-Cookie the login wrote, as "name=value".
    private static string Written(MemberIdentityCookie cookie)
    {
        var context = new DefaultHttpContext();
        cookie.Write(context.Response, Ticket);
        var written = SetCookieHeaderValue.Parse(context.Response.Headers.SetCookie.ToString());
        return $"{written.Name}={written.Value}";
    }

    private static HttpRequest Request(string cookieHeader)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeader;
        return context.Request;
    }

    // Ephemeral keys, and a count of every cookie opened.
    private sealed class CountingProtection : IDataProtectionProvider
    {
        private readonly IDataProtectionProvider inner = new EphemeralDataProtectionProvider();

        public int Unprotected { get; private set; }

        public IDataProtector CreateProtector(string purpose) => new Counting(inner.CreateProtector(purpose), this);

        private sealed class Counting(IDataProtector inner, CountingProtection owner) : IDataProtector
        {
            public IDataProtector CreateProtector(string purpose) => new Counting(inner.CreateProtector(purpose), owner);

            public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

            public byte[] Unprotect(byte[] protectedData)
            {
                owner.Unprotected++;
                return inner.Unprotect(protectedData);
            }
        }
    }
}

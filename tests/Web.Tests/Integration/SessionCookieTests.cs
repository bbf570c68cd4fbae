using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore;
using Wix.Auth.AspNetCore.Sessions;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>The session cookie's flags over HTTPS, where a loopback test server cannot easily go.</summary>
public sealed class SessionCookieTests
{
    [Fact]
    public void Over_https_the_session_cookie_is_Secure()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        new MemberSessionCookie(Options.Create(new WixAuthWebOptions())).Start(context.Response, SessionId.New());
        var header = context.Response.Headers.SetCookie.ToString();
        Assert.Contains("secure", header);
        Assert.Contains("httponly", header);
        Assert.Contains("samesite=lax", header);
    }

    [Fact]
    public void The_store_key_is_a_hash_of_the_cookie_never_the_cookie()
    {
        var id = SessionId.New();
        var key = SessionId.KeyOf(id)!;
        Assert.DoesNotContain(id, key);
        Assert.Equal(key, SessionId.KeyOf(id));
        Assert.Null(SessionId.KeyOf("short"));
        Assert.Null(SessionId.KeyOf(new string('!', 43)));
    }
}

using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Tests.Unit.Parsing;

/// <summary>
/// Callback URLs of non-special schemes (the private-use ones native apps register, RFC 8252 §7.1) and of <c>file:</c>
/// are read as the WHATWG parser — and so <c>@wix/sdk</c> — reads their authority (issue 15, finding 11).
/// </summary>
public sealed class OpaqueHostTests
{
    private const string Fragment = "#code=C&state=S";

    [Theory]
    [InlineData("myapp://h:99999/cb")]
    [InlineData("myapp://h:65536/cb")]
    [InlineData("myapp://h:80x/cb")]
    [InlineData("myapp://h:-1/cb")]
    [InlineData("com.example.app://a b/cb")]
    [InlineData("com.example.app://a<b/cb")]
    [InlineData("com.example.app://a^b/cb")]
    [InlineData("com.example.app://a|b/cb")]
    [InlineData("com.example.app://a\\b/cb")]
    [InlineData("myapp://[::1/cb")]
    [InlineData("myapp://[::1]x/cb")]
    [InlineData("myapp://[not-ipv6]/cb")]
    [InlineData("myapp://a]b/cb")]
    [InlineData("myapp://:99/cb")]
    [InlineData("myapp://user@/cb")]
    [InlineData("myapp://user@:1/cb")]
    [InlineData("com.example.app://@/cb")]               // an empty user and no host
    [InlineData("com.example.app://^a/cb")]              // a forbidden host code point first
    [InlineData("com.example.app://<a/cb")]
    [InlineData("file://256.1.1.1/cb")]
    [InlineData("file://h:80/cb")]
    [InlineData("file://user@h/cb")]
    [InlineData("file://a b/cb")]
    [InlineData("FILE:\\\\1.2.3.4.5\\cb")]
    public void An_authority_the_URL_parser_refuses_makes_the_callback_an_invalid_url(string url) =>
        Assert.Equal(new AuthError.InvalidUrl(), CallbackParser.ParseFromUrl(url + Fragment, ResponseMode.Fragment).Match(_ => null!, e => e));

    [Theory]
    [InlineData("myapp://h:99/cb")]
    [InlineData("myapp://h:/cb")]
    [InlineData("myapp://h:00080/cb")]
    [InlineData("myapp:///cb")]
    [InlineData("myapp://")]
    [InlineData("com.example.app:/cb")]
    [InlineData("com.example.app:cb")]
    [InlineData("myapp://user:pw@h/cb")]
    [InlineData("myapp://[::1]:8080/cb")]
    [InlineData("com.example.app://[::1]/cb")]           // a bracketed host with no port
    [InlineData("com.example.app://@host/cb")]           // an empty user before a host
    [InlineData("myapp://h%zz/cb")]
    [InlineData("myapp://ünïcode/cb")]
    [InlineData("myapp://256.1.1.1/cb")]
    [InlineData("myapp:\\\\a b\\cb")]
    [InlineData("file:///C:/cb")]
    [InlineData("file://C:/cb")]
    [InlineData("file://localhost/cb")]
    [InlineData("file:/cb")]
    [InlineData("file:/a]b")]                            // one slash: a path, whatever follows
    [InlineData("file:/")]
    [InlineData("file://1.2.3.4/cb")]
    public void An_authority_the_URL_parser_accepts_is_read(string url)
    {
        var granted = Assert.IsType<CallbackParams.Granted>(CallbackParser.ParseFromUrl(url + Fragment, ResponseMode.Fragment).Match(p => p, e => throw new Xunit.Sdk.XunitException(e.Code)));
        Assert.Equal("C", granted.Code.Reveal());
        Assert.Equal("S", granted.State);
    }
}

using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Tests.Unit.Protocol;

/// <summary>The strings of docs/protocol.md, as literals: the enumerations' wire names, the paths, the grant types.</summary>
public sealed class WireNameTests
{
    [Theory]
    [InlineData(ResponseMode.Fragment, "fragment")]
    [InlineData(ResponseMode.Query, "query")]
    [InlineData(ResponseMode.WebMessage, "web_message")]
    public void Response_modes(ResponseMode mode, string wire) => Assert.Equal(wire, mode.ToWire());

    [Theory]
    [InlineData(Prompt.Login, "login")]
    [InlineData(Prompt.None, "none")]
    public void Prompts(Prompt prompt, string wire) => Assert.Equal(wire, prompt.ToWire());

    [Fact]
    public void Paths_and_the_default_base_url()
    {
        Assert.Equal("/oauth2/token", WireNames.TokenPath);
        Assert.Equal("/_api/redirects-api/v1/redirect-session", WireNames.RedirectSessionPath);
        Assert.Equal("https://www.wixapis.com", WireNames.DefaultBaseUrl);
    }

    [Fact]
    public void Token_requests_go_to_the_token_path_without_a_token()
    {
        WixRequest[] requests =
        [
            new WixRequest.AnonymousGrant("c"),
            new WixRequest.AuthorizationCodeGrant("c", "https://a.example/cb", new Secret("code"), new Secret("verifier")),
            new WixRequest.RefreshTokenGrant("c", new Secret("rt")),
        ];
        Assert.All(requests, r => Assert.Equal(("/oauth2/token", true), (r.Path, r.Authorization.IsNone)));
        Assert.Equal(["anonymous", "authorization_code", "refresh_token"],
            [((WixRequest.AnonymousGrant)requests[0]).GrantType, ((WixRequest.AuthorizationCodeGrant)requests[1]).GrantType, ((WixRequest.RefreshTokenGrant)requests[2]).GrantType]);
    }

    [Fact]
    public void Redirect_sessions_carry_the_access_token()
    {
        var auth = new AuthRequest("https://a.example/cb", "c", "challenge", "S256", "query", "code", "offline_access", "state");
        WixRequest login = new WixRequest.LoginSession(new Secret("AT-visitor"), auth, "login");
        WixRequest logout = new WixRequest.LogoutSession(new Secret("AT-member"), "c", "https://a.example/");
        Assert.Equal(("/_api/redirects-api/v1/redirect-session", Some(new Secret("AT-visitor"))), (login.Path, login.Authorization));
        Assert.Equal(("/_api/redirects-api/v1/redirect-session", Some(new Secret("AT-member"))), (logout.Path, logout.Authorization));
    }

    [Fact]
    public void Each_request_is_named_in_telemetry_by_its_grant_or_its_redirect_session()
    {
        var token = new Secret("at");
        var auth = new AuthRequest("https://shop.example/cb", "cid", "ch", "S256", "query", "code", "offline_access", "st");

        Assert.Equal("anonymous", WireNames.OperationOf(new WixRequest.AnonymousGrant("cid")));
        Assert.Equal("authorization_code", WireNames.OperationOf(new WixRequest.AuthorizationCodeGrant("cid", "https://shop.example/cb", token, token)));
        Assert.Equal("refresh_token", WireNames.OperationOf(new WixRequest.RefreshTokenGrant("cid", token)));
        Assert.Equal("login", WireNames.OperationOf(new WixRequest.LoginSession(token, auth, "login")));
        Assert.Equal("logout", WireNames.OperationOf(new WixRequest.LogoutSession(token, "cid", "https://shop.example/")));
    }
}

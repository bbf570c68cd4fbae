using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Tests.Unit.Protocol;

/// <summary>
/// The member requests' fixed wire values as <c>@wix/sdk</c> 1.21.16 sends them (tests/Emulator.Tests/Fixtures has the
/// capture): the external grant's fields, what goes in <c>Authorization</c>, the social providers' IDs; and no secret
/// in <c>ToString()</c>.
/// </summary>
public sealed class MemberAuthRequestTests
{
    private static readonly Secret Visitor = new("AT-visitor-1");
    private static readonly Secret ApiKey = new("API-KEY-1");
    private const string MemberId = "7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10";

    private static string? Header(MemberAuthRequest request) => request.Authorization.HeaderValue.Map(v => v.Reveal()).IfNoneUnsafe((string?)null);

    [Fact]
    public void External_login_is_an_authorized_client_grant_for_offline_access_with_the_token_a_comma_and_the_key()
    {
        var held = new MemberAuthRequest.ExternalLogin(Some(Visitor), ApiKey, MemberId);
        var fresh = new MemberAuthRequest.ExternalLogin(None, ApiKey, MemberId);

        Assert.Equal(("/oauth2/token", "authorized_client", "offline_access"), (held.Path, held.GrantType, held.Scope));
        Assert.Equal("AT-visitor-1,API-KEY-1", Header(held));
        Assert.Equal(",API-KEY-1", Header(fresh));
    }

    [Fact]
    public void External_login_after_sign_on_is_an_authorized_client_grant_with_the_visitor_token_and_the_key()
    {
        var grant = new MemberAuthRequest.ExternalLoginWithSession(Visitor, ApiKey, MemberId, new Secret("SESSION-TOKEN-SIGNON-1"));

        Assert.Equal(("/oauth2/token", "authorized_client", "AT-visitor-1,API-KEY-1"), (grant.Path, grant.GrantType, Header(grant)));
    }

    [Fact]
    public void Each_request_goes_to_its_path_with_its_authorization()
    {
        var password = new Secret("Secret-123");
        (MemberAuthRequest Request, string Path, string? Authorization)[] requests =
        [
            (new MemberAuthRequest.Login(Visitor, "jane@example.com", password, None), "/_api/iam/authentication/v2/login", "AT-visitor-1"),
            (new MemberAuthRequest.Register(Visitor, "jane@example.com", password, None, None), "/_api/iam/authentication/v2/register", "AT-visitor-1"),
            (new MemberAuthRequest.Verify(Visitor, new Secret("123456"), new Secret("STATE-TOKEN-1")), "/_api/iam/verification/v1/auth/verify", "AT-visitor-1"),
            (new MemberAuthRequest.SendRecoveryEmail(Visitor, "jane@example.com", "https://shop.example/reset", "cid-1"), "/_api/iam/recovery/v1/send-email", "AT-visitor-1"),
            (new MemberAuthRequest.Recover(Visitor, new Secret("rec-1"), password), "/_api/iam/recovery/v1/recover", "AT-visitor-1"),
            (new MemberAuthRequest.SignOn(Visitor, ApiKey, "jane@example.com", None, None, None), "/_api/iam/authentication/v2/sign-on", "AT-visitor-1,API-KEY-1"),
            (new MemberAuthRequest.TokenInfo(new Secret("AT-member-1")), "/oauth2/token-info", null),
        ];

        Assert.All(requests, r => Assert.Equal((r.Path, r.Authorization), (r.Request.Path, Header(r.Request))));
    }

    [Fact]
    public void Social_logins_name_the_providers_as_the_sdk_does()
    {
        Assert.Equal("0e6a50f5-b523-4e29-990d-f37fa2ffdd69", IdentityProvider.Google.Id);
        Assert.Equal("3ecad13f-52c3-483d-911f-31dbcf2a6d23", IdentityProvider.Facebook.Id);
        Assert.Equal("conn-1", IdentityProvider.Connection("conn-1").Id);
    }

    [Fact]
    public void No_request_prints_a_token_a_key_a_password_or_a_code()
    {
        MemberAuthRequest[] requests =
        [
            new MemberAuthRequest.Login(Visitor, "jane@example.com", new Secret("Secret-123"), None),
            new MemberAuthRequest.Verify(Visitor, new Secret("123456"), new Secret("STATE-TOKEN-1")),
            new MemberAuthRequest.Recover(Visitor, new Secret("rec-1"), new Secret("Secret-123")),
            new MemberAuthRequest.SignOn(Visitor, ApiKey, "jane@example.com", None, None, None),
            new MemberAuthRequest.ExternalLogin(Some(Visitor), ApiKey, MemberId),
            new MemberAuthRequest.ExternalLoginWithSession(Visitor, ApiKey, MemberId, new Secret("SESSION-TOKEN-SIGNON-1")),
        ];

        Assert.All(requests, r =>
        {
            var printed = r.ToString();
            Assert.Contains("***", printed);
            foreach (var secret in new[] { "AT-visitor-1", "API-KEY-1", "Secret-123", "123456", "STATE-TOKEN-1", "rec-1", "SESSION-TOKEN-SIGNON-1" })
                Assert.DoesNotContain(secret, printed);
        });
    }
}

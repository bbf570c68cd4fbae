using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Tests.Unit.Members;

/// <summary>
/// External login and Sign On: an API key or a member ID that would break the request is refused before anything is
/// sent, and a refused grant says whether the key lacks the permission or what else went wrong.
/// </summary>
public sealed class ExternalLoginTests
{
    private static readonly Secret Visitor = new("at-visitor");
    private static readonly Secret ApiKey = new("IST.key-1");
    private const string MemberId = "7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10";

    private static MemberAuthError Refusal<T>(Either<MemberAuthError, T> result) =>
        result.Match(r => throw new Xunit.Sdk.XunitException($"accepted: {r}"), e => e);

    [Fact]
    public void A_grant_for_a_well_formed_key_and_member_id_is_the_request_with_the_id_trimmed()
    {
        Assert.Equal(Right<MemberAuthError, MemberAuthRequest.ExternalLogin>(new MemberAuthRequest.ExternalLogin(Some(Visitor), ApiKey, MemberId)),
            ExternalLogin.Grant(Some(Visitor), ApiKey, $" {MemberId} "));
        Assert.Equal(Right<MemberAuthError, MemberAuthRequest.ExternalLogin>(new MemberAuthRequest.ExternalLogin(None, ApiKey, MemberId)),
            ExternalLogin.Grant(None, ApiKey, MemberId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("key,other")]      // the comma separates the token from the key in Authorization
    [InlineData(",")]
    [InlineData("key other")]
    [InlineData(" key")]
    [InlineData("key\u00a0")]       // a no-break space: white space, not a control character
    [InlineData("key\u0001")]       // a control character, not white space
    [InlineData("key\r\nX-Injected: 1")]
    public void An_api_key_that_would_break_the_authorization_header_is_refused(string key)
    {
        var refused = new MemberAuthError.InvalidField("apiKey", "FORMAT");

        Assert.Equal(refused, Refusal(ExternalLogin.Grant(None, new Secret(key), MemberId)));
        Assert.Equal(refused, Refusal(ExternalLogin.SignOn(Visitor, new Secret(key), "jane@example.com", None, None, None)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("m-\u0001-1")]
    [InlineData("m-\u007f-1")]
    public void A_member_id_that_is_blank_or_holds_a_control_character_is_refused(string memberId) =>
        Assert.Equal(new MemberAuthError.InvalidField("memberId", "FORMAT"), Refusal(ExternalLogin.Grant(None, ApiKey, memberId)));

    [Fact]
    public void A_member_id_may_be_256_characters_long_and_no_longer()
    {
        Assert.Equal(256, ExternalLogin.MaxMemberIdLength);
        Assert.Equal(Right<MemberAuthError, MemberAuthRequest.ExternalLogin>(new MemberAuthRequest.ExternalLogin(None, ApiKey, new string('m', 256))),
            ExternalLogin.Grant(None, ApiKey, new string('m', 256)));
        Assert.Equal(new MemberAuthError.InvalidField("memberId", "FORMAT"), Refusal(ExternalLogin.Grant(None, ApiKey, new string('m', 257))));
    }

    [Fact]
    public void The_key_is_checked_before_the_member_id()
    {
        Assert.Equal(new MemberAuthError.InvalidField("apiKey", "FORMAT"), Refusal(ExternalLogin.Grant(None, new Secret("a,b"), "")));
    }

    [Fact]
    public void Sign_on_checks_the_email_and_sends_it_trimmed_with_the_profile_and_flags()
    {
        var profile = new MemberProfile { FirstName = "Jane" };

        Assert.Equal(new MemberAuthError.InvalidEmail(), Refusal(ExternalLogin.SignOn(Visitor, ApiKey, "jane@example", None, None, None)));
        Assert.Equal(Right<MemberAuthError, MemberAuthRequest.SignOn>(new MemberAuthRequest.SignOn(Visitor, ApiKey, "jane@example.com", profile, true, false)),
            ExternalLogin.SignOn(Visitor, ApiKey, " jane@example.com ", profile, true, false));
    }

    [Fact]
    public void The_grant_after_sign_on_names_the_member_and_carries_its_session_token()
    {
        var signOn = new SignOnReply(new Secret("SESSION-1"), new MemberIdentity(MemberId, null, null, null));

        Assert.Equal(new MemberAuthRequest.ExternalLoginWithSession(Visitor, ApiKey, MemberId, new Secret("SESSION-1")),
            ExternalLogin.GrantWithSession(Visitor, ApiKey, signOn));
    }

    [Theory]
    [InlineData(401, "unauthorized_client")]
    [InlineData(403, "-19999")]
    public void A_401_or_403_means_the_key_lacks_the_permission_whatever_the_code(int status, string wixCode) =>
        Assert.Equal(new MemberAuthError.PermissionDenied(),
            ExternalLogin.FromFailure(IdentityFailure.Of(new WixError(wixCode, None, status, None))));

    [Fact]
    public void Another_refusal_reads_as_any_identity_answer()
    {
        var unavailable = new WixError("http_503", None, 503, "req-1");

        Assert.Equal(new MemberAuthError.MemberNotFound(), ExternalLogin.FromFailure(IdentityFailure.Of(new WixError("-19999", None, 400, None))));
        Assert.Equal(new MemberAuthError.PermissionDenied(), ExternalLogin.FromFailure(IdentityFailure.Of(new WixError("PERMISSION_DENIED", None, 400, None))));
        Assert.Equal(new MemberAuthError.RemoteCallFailed(unavailable), ExternalLogin.FromFailure(IdentityFailure.Of(unavailable)));
        Assert.Equal(new MemberAuthError.RemoteCallFailed(WixError.Of(WixError.NetworkError)),
            ExternalLogin.FromFailure(IdentityFailure.Of(WixError.Of(WixError.NetworkError))));
    }
}

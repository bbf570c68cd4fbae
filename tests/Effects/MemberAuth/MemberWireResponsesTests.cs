using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Http;

namespace Wix.Auth.Effects.Tests.MemberAuth;

/// <summary>The identity answers of the capture, read into typed replies and failures.</summary>
public sealed class MemberWireResponsesTests
{
    private static (int Status, byte[] Body) Answer(int call, int index)
    {
        var response = MemberWireTests.Request(call, index)["response"]!;
        var body = response["body"]!;
        var text = body is JsonValue value && value.TryGetValue<string>(out var raw) ? raw : body.ToJsonString();
        return (response["status"]!.GetValue<int>(), Encoding.UTF8.GetBytes(text));
    }

    private static LoginStateReply State(int call, int index)
    {
        var (status, body) = Answer(call, index);
        return MemberWireResponses.ReadLoginState(status, "req-1", body).Match(r => r, f => throw new Xunit.Sdk.XunitException(f.ToString()));
    }

    private static IdentityFailure Failure(int call, int index)
    {
        var (status, body) = Answer(call, index);
        return MemberWireResponses.ReadLoginState(status, "req-1", body).Match(r => throw new Xunit.Sdk.XunitException(r.ToString()), f => f);
    }

    [Fact]
    public void Success_carries_the_session_token_and_the_members_identity()
    {
        var reply = State(1, 1);

        Assert.Equal("SUCCESS", reply.State);
        Assert.Equal("SESSION-TOKEN-1", reply.SessionToken.Map(t => t.Reveal()).IfNone(""));
        Assert.Equal("7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10", reply.Identity.Map(i => i.MemberId).IfNone(""));
        Assert.True(reply.Identity.Exists(i => i.EmailVerified == true));
    }

    [Theory]
    [InlineData(9, 1, "REQUIRE_EMAIL_VERIFICATION", true)]
    [InlineData(15, 1, "REQUIRE_OWNER_APPROVAL", true)]
    [InlineData(16, 1, "STATUS_CHECK", true)]
    [InlineData(17, 1, "REQUIRE_MFA", true)]
    public void Every_state_is_read_as_sent_with_its_state_token(int call, int index, string state, bool hasStateToken)
    {
        var reply = State(call, index);

        Assert.Equal(state, reply.State);
        Assert.Equal(hasStateToken, reply.StateToken.IsSome);
        Assert.True(reply.SessionToken.IsNone);
    }

    [Theory]
    [InlineData(19, 1, "-19976")]
    [InlineData(20, 1, "-19973")]
    [InlineData(21, 1, "-19971")]
    [InlineData(22, 1, "-19970")]
    [InlineData(23, 1, "-19999")]
    [InlineData(24, 1, "CAPTCHA_TOKEN_REQUIRED")]
    [InlineData(34, 1, "-19995")]
    [InlineData(13, 0, "VERIFICATION_FAILED")]
    [InlineData(25, 1, "http_500")]
    public void A_refusal_keeps_wixs_code_status_and_request_id(int call, int index, string code)
    {
        var failure = Failure(call, index);

        Assert.Equal(code, failure.Error.Code);
        Assert.Equal(Answer(call, index).Status, failure.Error.HttpStatus.IfNone(0));
        Assert.Equal("req-1", failure.Error.RequestId.IfNone(""));
    }

    [Fact]
    public void A_field_violation_keeps_the_field_the_rule_and_the_data_type()
    {
        var email = Failure(38, 1);
        var password = Failure(39, 1);

        Assert.Equal((IdentityFailure.ValidationError, "loginId.email", "FORMAT", "EMAIL"),
            (email.Error.Code, email.Field.IfNone(""), email.ViolatedRule.IfNone(""), email.DataType.IfNone("")));
        Assert.Equal(("password", "MIN_LENGTH"), (password.Field.IfNone(""), password.ViolatedRule.IfNone("")));
        Assert.True(password.DataType.IsNone);
    }

    [Theory]
    [InlineData("""{"state":"SUCCESS"}""")]
    [InlineData("""{"state":"REQUIRE_EMAIL_VERIFICATION","sessionToken":"x"}""")]
    [InlineData("""{"sessionToken":"x"}""")]
    [InlineData("""{"state":42}""")]
    [InlineData("not json")]
    [InlineData("")]
    public void A_200_that_is_not_a_usable_state_is_an_invalid_response(string body)
    {
        var result = MemberWireResponses.ReadLoginState(200, null, Encoding.UTF8.GetBytes(body));

        Assert.Equal(WixError.InvalidResponse, result.Match(_ => "", f => f.Error.Code));
    }

    [Fact]
    public void A_numeric_application_code_as_the_sdks_own_fallback_writes_it_is_read_as_text()
    {
        var body = """{"message":"x","details":{"applicationError":{"code":500,"description":"Internal"}}}""";

        Assert.Equal("500", MemberWireResponses.ReadFailure(500, null, Encoding.UTF8.GetBytes(body)).Error.Code);
    }

    [Fact]
    public void Sign_on_gives_the_session_token_and_the_member_and_needs_both()
    {
        var (status, body) = Answer(57, 1);
        var reply = MemberWireResponses.ReadSignOn(status, null, body);
        var noIdentity = MemberWireResponses.ReadSignOn(200, null, """{"sessionToken":"s"}"""u8.ToArray());
        var (refusedStatus, refusedBody) = Answer(59, 1);
        var refused = MemberWireResponses.ReadSignOn(refusedStatus, null, refusedBody);

        Assert.Equal(("SESSION-TOKEN-SIGNON-1", "7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10"),
            reply.Match(r => (r.SessionToken.Reveal(), r.Identity.MemberId), f => ("", f.Error.Code)));
        Assert.Equal(WixError.InvalidResponse, noIdentity.Match(_ => "", f => f.Error.Code));
        Assert.Equal("PERMISSION_DENIED", refused.Match(_ => "", f => f.Error.Code));
    }

    [Fact]
    public void The_reset_mail_answer_needs_only_a_200()
    {
        var (status, body) = Answer(40, 1);
        var (notFound, notFoundBody) = Answer(41, 1);

        Assert.True(MemberWireResponses.ReadEmpty(status, null, body).IsRight);
        Assert.Equal("IDENTITY_NOT_FOUND", MemberWireResponses.ReadEmpty(notFound, null, notFoundBody).Match(_ => "", f => f.Error.Code));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;

namespace Wix.Auth.Effects.Tests.MemberAuth;

/// <summary>
/// Our member-auth requests against the capture of @wix/sdk 1.21.16 sending the same calls: the body byte for byte
/// (key order included, values unmasked), the path, <c>Authorization</c> exactly, and the analytics header's method
/// and entity. The inputs are the capture's own.
/// </summary>
public sealed class MemberWireTests
{
    private const string Visitor = "AT-visitor-1";
    private const string ClientId = "cid-1";
    private const string MemberId = "7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10";
    private const string Email = "jane@example.com";
    private static readonly Secret Token = new(Visitor);
    private static readonly Secret Password = new("Secret-123");
    private static readonly Secret ApiKey = new("API-KEY-1");

    private static readonly JsonArray Calls = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "data", "wix-sdk-1.21.16-member-auth.json")))!["calls"]!.AsArray();

    private static readonly MemberProfile FullProfile = new()
    {
        FirstName = "Jane", LastName = "Doe", Nickname = "jd", Picture = "https://static.example/jd.png", Language = "en",
        PrivacyStatus = "PUBLIC", Labels = ["custom.vip"], Phones = [new TaggedPhone("+15551234567", "MOBILE")],
        SecondaryEmails = [new TaggedEmail("jane.work@example.com", "WORK")],
        Addresses = [new TaggedAddress("HOME", new PostalAddress
        {
            AddressLine = "1 Main St", City = "Springfield", Subdivision = "US-IL", Country = "US", PostalCode = "62701",
            FormattedAddress = "1 Main St, Springfield, IL 62701",
        })],
        CustomFields =
        [
            new CustomField("custom.shoe-size", new CustomFieldValue.Number(42.5)),
            new CustomField("custom.member-since", new CustomFieldValue.Date(new DateTimeOffset(2020, 2, 3, 4, 5, 6, TimeSpan.Zero))),
            new CustomField("custom.nick", new CustomFieldValue.Text("JJ")),
        ],
    };

    /// <summary>Each case: the capture's call and request index, and the request we build from the same inputs.</summary>
    private static readonly Dictionary<string, (int Call, int Index, Func<MemberAuthRequest> Ours)> Cases = new()
    {
        ["login"] = (1, 1, () => new MemberAuthRequest.Login(Token, Email, Password, None)),
        ["login, both captcha tokens"] = (7, 1, () => new MemberAuthRequest.Login(Token, Email, Password,
            new CaptchaTokens(new Secret("RECAPTCHA-TOKEN-1"), new Secret("INVISIBLE-RECAPTCHA-TOKEN-1")))),
        ["login, invisible captcha only"] = (8, 0, () => new MemberAuthRequest.Login(Token, Email, Password,
            new CaptchaTokens(null, new Secret("INVISIBLE-RECAPTCHA-TOKEN-1")))),
        ["verify"] = (10, 0, () => new MemberAuthRequest.Verify(Token, new Secret("123456"), new Secret("STATE-TOKEN-1"))),
        ["verify, explicit state"] = (12, 1, () => new MemberAuthRequest.Verify(Token, new Secret("123456"), new Secret("STATE-TOKEN-FROM-ELSEWHERE"))),
        ["register, full profile"] = (28, 1, () => new MemberAuthRequest.Register(Token, Email, Password, FullProfile, None)),
        ["register, nickname and captcha"] = (29, 1, () => new MemberAuthRequest.Register(Token, Email, Password,
            new MemberProfile { Nickname = "jd" }, new CaptchaTokens(new Secret("RECAPTCHA-TOKEN-1")))),
        ["register, no profile"] = (30, 1, () => new MemberAuthRequest.Register(Token, Email, Password, None, None)),
        ["password reset mail"] = (40, 1, () => new MemberAuthRequest.SendRecoveryEmail(Token, Email, "http://localhost:3000/reset-done", ClientId)),
        ["recover"] = (66, 1, () => new MemberAuthRequest.Recover(Token, new Secret("RECOVERY-TOKEN-1"), new Secret("New-Secret-456"))),
        ["external login, no token held"] = (52, 0, () => new MemberAuthRequest.ExternalLogin(None, ApiKey, MemberId)),
        ["external login, visitor token held"] = (54, 0, () => new MemberAuthRequest.ExternalLogin(Token, ApiKey, MemberId)),
        ["sign on"] = (57, 1, () => new MemberAuthRequest.SignOn(Token, ApiKey, Email, None, None, None)),
        ["sign on grant"] = (57, 2, () => new MemberAuthRequest.ExternalLoginWithSession(Token, ApiKey, MemberId, new Secret("SESSION-TOKEN-SIGNON-1"))),
        ["sign on with options"] = (58, 1, () => new MemberAuthRequest.SignOn(Token, ApiKey, Email,
            new MemberProfile { FirstName = "Jane", LastName = "Doe" }, true, false)),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Our_request_equals_the_sdks_field_for_field(string name)
    {
        var (call, index, ours) = Cases[name];
        var request = ours();
        var sdk = Request(call, index);
        var headers = sdk["headers"]!.AsObject();

        Assert.Equal(sdk["path"]!.GetValue<string>(), request.Path);
        Assert.Equal(sdk["body"]!.ToJsonString(), Encoding.UTF8.GetString(MemberWireBody.Serialize(request)));
        Assert.Equal(headers["Authorization"]?.GetValue<string>(), MemberWireBody.AuthorizationHeader(request));
        Assert.Equal(MethodAndEntity(headers["x-wix-bi-gateway"]!.GetValue<string>()), MethodAndEntity(MemberWireBody.GatewayHeader(request)));
    }

    [Fact]
    public void Every_case_names_a_request_of_the_capture_and_covers_each_method()
    {
        var covered = Cases.Values.Select(c => Calls.Single(x => x!["id"]!.GetValue<int>() == c.Call)!["method"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new System.Collections.Generic.HashSet<string> { "login", "register", "processVerification", "sendPasswordResetEmail",
            "getMemberTokensForExternalLogin", "getMemberTokensForExternalLoginWithSession" }, covered);
    }

    [Fact]
    public void Requests_with_an_api_key_or_a_password_print_neither()
    {
        var printed = string.Join(' ',
            new MemberAuthRequest.ExternalLogin(Token, ApiKey, MemberId).ToString(),
            new MemberAuthRequest.SignOn(Token, ApiKey, Email, None, None, None).ToString(),
            new MemberAuthRequest.Login(Token, Email, Password, new CaptchaTokens(new Secret("RECAPTCHA-TOKEN-1"))).ToString());

        Assert.DoesNotContain("API-KEY-1", printed);
        Assert.DoesNotContain("Secret-123", printed);
        Assert.DoesNotContain("RECAPTCHA-TOKEN-1", printed);
        Assert.DoesNotContain(Visitor, printed);
    }

    [Fact]
    public void A_custom_number_that_is_not_finite_is_refused_rather_than_sent_as_the_sdk_does_as_a_string()
    {
        var profile = new MemberProfile { CustomFields = [new CustomField("custom.x", new CustomFieldValue.Number(double.NaN))] };

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MemberWireBody.Serialize(new MemberAuthRequest.Register(Token, Email, Password, profile, None)));
    }

    internal static JsonNode Request(int call, int index) =>
        Calls.Single(c => c!["id"]!.GetValue<int>() == call)!["requests"]![index]!;

    private static string MethodAndEntity(string gateway) =>
        string.Join(',', gateway.Split(',').Where(p => p.StartsWith("method-fqn=", StringComparison.Ordinal) || p.StartsWith("entity=", StringComparison.Ordinal)));
}

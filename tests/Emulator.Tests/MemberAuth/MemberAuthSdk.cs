using System.Text.Json.Nodes;
using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Emulator.Tests.MemberAuth;

/// <summary>The emulator set up as the member-auth capture assumes, and tests/js/member-auth.mjs run against it.</summary>
internal static class MemberAuthSdk
{
    public const string ClientId = "cid-1";
    public const string ConnectionId = "c0ffee00-0000-4000-8000-000000000001";

    public static readonly DemoMember Jane = new(
        "jane@example.com", "Secret-123", "7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10", "Jane", "Doe", "jd");

    /// <param name="clock">The emulator's clock; a frozen one makes the dates in a recording repeatable.</param>
    public static EmulatorOptions Options(TimeProvider? clock = null) => new()
    {
        TimeProvider = clock ?? TimeProvider.System,
        Apps = [new OAuthApp(ClientId, ["http://localhost:3000/callback"], ["localhost"])],
        Members =
        [
            Jane,
            new DemoMember("una@example.com", "Unverified-1", "a11ce000-0000-4000-8000-0000000000a1", "Una", "Verified", "una", EmailVerified: false),
            new DemoMember("pat@example.com", "Pending-1", "a11ce000-0000-4000-8000-0000000000a2", "Pat", "Pending", "pat", Approved: false),
            new DemoMember("rex@example.com", "Reset-1", "a11ce000-0000-4000-8000-0000000000a3", "Rex", "Reset", "rex"),
        ],
        MemberAuth = new MemberAuthOptions
        {
            ApiKeys =
            [
                new EmulatorApiKey("API-KEY-1", ClientId),
                new EmulatorApiKey("API-KEY-NOPERM", ClientId, CanLogInMembers: false, CanSignOn: false),
            ],
            AcceptedCaptchaTokens = ["RECAPTCHA-TOKEN-1", "INVISIBLE-RECAPTCHA-TOKEN-1"],
            IdentityProviders = new Dictionary<string, string>
            {
                [MemberAuthOptions.GoogleIdp] = "Google",
                [MemberAuthOptions.FacebookIdp] = "Facebook",
                [ConnectionId] = "Corporate SSO",
            },
        },
    };

    /// <summary>Runs the script in <paramref name="mode"/> (<c>wire</c> or <c>outcomes</c>); returns the JSON it printed.</summary>
    public static JsonNode Run(WixEmulator emu, string mode)
    {
        var output = NodeScript.Run("member-auth.mjs", "", emu.BaseUrl.ToString().TrimEnd('/'), mode);
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.True(result["ok"]!.GetValue<bool>(), result["error"]?.ToString());
        return result;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Tests.Support;
using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Emulator.Tests;

/// <summary>The published @wix/sdk 1.21.16, unchanged, under Node, against the emulator: the real client must work.</summary>
public sealed class ConformanceTests
{
    // What @wix/sdk sent in the same flow (tools/wire-capture/capture.sh records it), and an app with the capture's
    // client ID and URIs: the SDK then sends exactly the capture's values.
    private static readonly JsonNode Capture = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "data", "wix-sdk-1.21.16-login-flow.json")))!;
    private static readonly OAuthApp CaptureApp = new(
        Capture["requests"]![0]!["body"]!["clientId"]!.GetValue<string>(), ["http://localhost:3000/callback"], ["localhost"]);

    // Values that differ on every run (random PKCE) or that the log masks.
    private static readonly HashSet<string> RandomFields = ["codeChallenge", "state"];
    private static readonly HashSet<string> SecretFields = ["code", "codeVerifier", "refreshToken"];

    [Fact]
    public async Task The_real_sdk_completes_login_refresh_and_logout_unchanged()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { Apps = [CaptureApp] });

        var result = await RunSdkAsync(emu);

        Assert.True(result["ok"]!.GetValue<bool>());
        Assert.Equal("visitor", result["visitor"]!["role"]!.GetValue<string>());
        Assert.InRange(result["visitor"]!["expiresIn"]!.GetValue<long>(), 14_390, 14_400);
        Assert.StartsWith(emu.BaseUrl + "_api/oauth2/authorize?rs=", result["authUrl"]!.GetValue<string>());
        foreach (var mode in new[] { "fragment", "query" })
        {
            Assert.True(result[mode]!["hasCode"]!.GetValue<bool>(), mode);
            Assert.True(result[mode]!["stateMatches"]!.GetValue<bool>(), mode);
        }
        Assert.True(result["loggedIn"]!.GetValue<bool>());
        Assert.Equal(DemoData.Ada.Id, result["member"]!["id"]!.GetValue<string>());
        Assert.True(result["renewed"]!["newAccessToken"]!.GetValue<bool>());
        Assert.True(result["renewed"]!["sameRefreshToken"]!.GetValue<bool>());
        Assert.False(result["loggedInAfterLogout"]!.GetValue<bool>());
        Assert.Equal("http://localhost:3000/bye", result["logoutRedirect"]!.GetValue<string>());
        Assert.Equal("login_required", result["silentAfterLogout"]!.GetValue<string>());
        Assert.Equal(1, emu.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
        Assert.Equal(1, emu.RequestLog.Count(EmulatorEndpoint.RedirectSession, "logout"));
    }

    [Fact]
    public async Task The_real_sdk_sends_what_the_capture_shows_field_for_field()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { Apps = [CaptureApp] });
        await RunSdkAsync(emu);

        var capture = Capture["requests"]!.AsArray();
        var sent = emu.RequestLog.Entries
            .Where(e => e.Endpoint is EmulatorEndpoint.Token or EmulatorEndpoint.RedirectSession)
            .Take(capture.Count)
            .ToList();

        Assert.Equal(capture.Count, sent.Count);
        for (var i = 0; i < capture.Count; i++)
        {
            var expected = capture[i]!;
            var actual = sent[i];
            var headers = expected["headers"]!.AsObject();
            Assert.Equal(new Uri(expected["url"]!.GetValue<string>()).AbsolutePath, actual.Path);
            Assert.Equal(expected["method"]!.GetValue<string>(), actual.Method);
            Assert.Equal(Normalise(expected["body"]!, maskSecrets: true), Normalise(actual.Body!, maskSecrets: false));
            Assert.Equal(headers["Content-Type"]!.GetValue<string>(), actual.Headers["content-type"]);
            Assert.Equal(headers["x-wix-bi-gateway"]!.GetValue<string>(), actual.Headers["x-wix-bi-gateway"]);
            Assert.Equal(headers.ContainsKey("Authorization") ? AuthorizationKind.Bare : AuthorizationKind.None,
                actual.Authorization);
            Assert.Equal(200, actual.Status);
        }
    }

    /// <summary>Runs tests/js/conformance.mjs against the emulator; returns the JSON it printed.</summary>
    private static Task<JsonNode> RunSdkAsync(WixEmulator emu) => Task.Run(() =>
        JsonNode.Parse(NodeScript.Run("conformance.mjs", "", emu.BaseUrl.ToString().TrimEnd('/'), CaptureApp.ClientId).Trim().Split('\n')[^1])!);

    /// <summary>The body as compact JSON, key order kept, with run-specific values replaced by placeholders.</summary>
    private static string Normalise(JsonNode body, bool maskSecrets)
    {
        var copy = body.DeepClone();
        Replace(copy, maskSecrets);
        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static void Replace(JsonNode node, bool maskSecrets)
    {
        if (node is not JsonObject obj) return;
        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            if (RandomFields.Contains(name)) obj[name] = "<random>";
            else if (maskSecrets && SecretFields.Contains(name)) obj[name] = "***";
            else if (obj[name] is { } child) Replace(child, maskSecrets);
        }
    }
}

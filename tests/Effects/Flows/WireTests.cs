using System.Text.Json.Nodes;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>
/// The requests this client sends in one whole flow, as the emulator recorded them, against the capture of every
/// request <c>@wix/sdk</c> 1.21.16 makes in the same flow: field for field and in the same order, bar random values.
/// </summary>
public sealed class WireTests
{
    // Values that differ from run to run (or that the emulator masks); their presence and position still count.
    private static readonly System.Collections.Generic.HashSet<string> RandomFields = ["codeChallenge", "state", "code", "codeVerifier", "refreshToken"];

    [Fact]
    public async Task Every_request_matches_the_sdk_capture()
    {
        var capture = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "wix-sdk-1.21.16-login-flow.json")))!;
        var sdkClientId = capture["requests"]![0]!["body"]!["clientId"]!.GetValue<string>();
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromMinutes(2) });

        // The capture's flow: login URL (fragment, prompt=login), again (query, prompt=none), code exchange, refresh, logout.
        var data = h.NewOAuthData(originalUri: "http://localhost:3000/orig");
        var authUrl = Right(await h.Client.GetAuthUrlAsync(data));
        Right(await h.Client.GetAuthUrlAsync(data, Prompt.None, ResponseMode.Query));
        var callback = await h.Browser.SignInAsync(authUrl, DemoData.Ada.Email, DemoData.Ada.Password);
        Right(await h.Client.GetMemberTokensAsync(Right(h.Client.ParseFromUrl(callback.ToString())), data.State));
        h.Time.Advance(TimeSpan.FromMinutes(1.5));
        Right(await h.Client.RenewTokenAsync());
        Right(await h.Client.LogoutAsync("http://localhost:3000/bye"));

        var ours = h.Emulator.RequestLog.Entries.Where(e => e.Endpoint is EmulatorEndpoint.Token or EmulatorEndpoint.RedirectSession).ToArray();
        var theirs = capture["requests"]!.AsArray();
        Assert.Equal(theirs.Count, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            var sdk = theirs[i]!;
            Assert.Equal(new Uri(sdk["url"]!.GetValue<string>()).AbsolutePath, ours[i].Path);
            Assert.Equal(sdk["method"]!.GetValue<string>(), ours[i].Method);
            Assert.Equal("application/json", ours[i].Headers["content-type"]);
            var sdkSendsToken = sdk["headers"]!.AsObject().ContainsKey("Authorization");
            Assert.Equal(sdkSendsToken ? AuthorizationKind.Bare : AuthorizationKind.None, ours[i].Authorization);
            AssertSameShape(sdk["body"]!, ours[i].Body!, sdkClientId, $"request {i + 1} body");
        }
    }

    private static void AssertSameShape(JsonNode sdk, JsonNode ours, string sdkClientId, string where)
    {
        if (sdk is JsonObject sdkObject)
        {
            var ourObject = Assert.IsType<JsonObject>(ours);
            Assert.Equal(sdkObject.Select(p => p.Key), ourObject.Select(p => p.Key)); // same names, same order
            foreach (var (name, value) in sdkObject)
            {
                if (RandomFields.Contains(name)) Assert.IsAssignableFrom<JsonValue>(ourObject[name]);
                else if (name == "clientId") Assert.Equal(sdkClientId == value!.GetValue<string>() ? DemoData.ClientId : "?", ourObject[name]!.GetValue<string>());
                else AssertSameShape(value!, ourObject[name]!, sdkClientId, $"{where}.{name}");
            }
        }
        else Assert.True(JsonNode.DeepEquals(sdk, ours), $"{where}: SDK sent {sdk.ToJsonString()}, we sent {ours.ToJsonString()}");
    }
}

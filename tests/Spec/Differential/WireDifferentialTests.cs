using Wix.Auth.Core.Errors;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Http;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Testing;
using Wix.Auth.Tests.Shared;
using Xunit;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>
/// The published <c>@wix/sdk</c> (under Node) and this library run the same login, refresh and logout against one
/// emulator; the requests each sent, as the emulator recorded them, agree field for field and in order, bar the
/// random values (PKCE, state) and the secrets the log masks.
/// </summary>
public sealed class WireDifferentialTests
{
    private static readonly OAuthApp App = new("cid-1", ["http://localhost:3000/callback"], ["localhost"]);
    private static readonly System.Collections.Generic.HashSet<string> RandomFields = ["codeChallenge", "state"];

    [Fact]
    public async Task The_sdk_and_this_library_send_the_same_requests_in_a_whole_flow()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { Apps = [App] });

        NodeScript.Run("conformance.mjs", "", emu.BaseUrl.ToString().TrimEnd('/'), App.ClientId);
        var sdk = Sent(emu);
        emu.RequestLog.Clear();
        await RunOursAsync(emu);
        var ours = Sent(emu);

        Assert.True(sdk.Count >= 6 && ours.Count == 6, $"the SDK sent {sdk.Count} requests, we sent {ours.Count}");
        for (var i = 0; i < ours.Count; i++)
        {
            Assert.Equal(sdk[i].Path, ours[i].Path);
            Assert.Equal(sdk[i].Authorization, ours[i].Authorization);
            Assert.Equal(sdk[i].Headers["content-type"], ours[i].Headers["content-type"]);
            Assert.Equal(Normalise(sdk[i].Body!), Normalise(ours[i].Body!));
        }
    }

    // The flow of the capture and of conformance.mjs: login URL (fragment), silent login URL (query, prompt=none),
    // code exchange, refresh, logout.
    private static async Task RunOursAsync(WixEmulator emu)
    {
        using var browser = new EmulatorBrowser();
        var options = new WixAuthOptions { ClientId = App.ClientId, ApiBaseUrl = emu.BaseUrl };
        var clock = new ShiftedClock();
        var client = new WixAuthClient(options, time: clock);
        var data = client.GenerateOAuthData("http://localhost:3000/callback", "http://localhost:3000/orig");
        var authUrl = Ok(await client.GetAuthUrlAsync(data));
        Ok(await client.GetAuthUrlAsync(data, Prompt.None, ResponseMode.Query));
        var callback = await browser.SignInAsync(authUrl, DemoData.Ada.Email, DemoData.Ada.Password);
        Ok(await client.GetMemberTokensAsync(Ok(client.ParseFromUrl(callback.ToString())), data.State));
        clock.Shift = TimeSpan.FromHours(4); // the member's token now looks expired to the client: a refresh goes out
        Ok(await client.RenewTokenAsync());
        Ok(await client.LogoutAsync("http://localhost:3000/bye"));
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }

    private static List<RequestLogEntry> Sent(WixEmulator emu) =>
        emu.RequestLog.Entries.Where(e => e.Endpoint is EmulatorEndpoint.Token or EmulatorEndpoint.RedirectSession).ToList();

    private static string Normalise(JsonNode body)
    {
        var copy = body.DeepClone();
        Mask(copy);
        return copy.ToJsonString();
    }

    private static void Mask(JsonNode node)
    {
        if (node is not JsonObject obj) return;
        foreach (var name in obj.Select(p => p.Key).ToList())
            if (RandomFields.Contains(name)) obj[name] = "<random>";
            else if (obj[name] is { } child) Mask(child);
    }

    private static T Ok<T>(AuthResult<T, AuthError> result) =>
        result.TryGetValue(out var value, out var error) ? value : throw new InvalidOperationException(error.Code);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Observation;

namespace Wix.Auth.Emulator.Tests.MemberAuth;

/// <summary>
/// Every request the real @wix/sdk sends for member authentication, as the emulator received it, equals the
/// capture (Fixtures/wix-sdk-1.21.16-member-auth.json) field for field: path, method, body (key order kept; random
/// PKCE values and secrets, which the log masks, compared as placeholders), <c>Content-Type</c>,
/// <c>x-wix-bi-gateway</c>, <c>client-binding</c>, and whether <c>Authorization</c> was sent.
/// With <c>WIX_RECORD_MEMBER_AUTH_FIXTURE=&lt;path&gt;</c> it also writes the requests as the SDK handed them to fetch
/// there, in the fixture's format: <c>tools/record-member-auth-fixture.sh</c> regenerates the fixture that way.
/// </summary>
public sealed class MemberAuthWireTests
{
    private const string FixtureName = "wix-sdk-1.21.16-member-auth.json";

    // The browser's page loads are not SDK requests; the capture has none of them.
    private static readonly HashSet<EmulatorEndpoint?> BrowserEndpoints = [EmulatorEndpoint.Authorize, EmulatorEndpoint.IdentityProvider];
    private static readonly HashSet<string> RandomFields = ["codeChallenge", "state"];

    [Fact]
    public async Task The_real_sdk_sends_what_the_capture_shows_field_for_field()
    {
        var frozen = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emu = await WixEmulator.StartAsync(MemberAuthSdk.Options(frozen));
        var result = await Task.Run(() => MemberAuthSdk.Run(emu, "wire"));
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", FixtureName)))!;
        var captured = fixture["calls"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<int>(), c => c!);
        var log = emu.RequestLog.Entries;
        var calls = result["calls"]!.AsArray();
        if (Environment.GetEnvironmentVariable("WIX_RECORD_MEMBER_AUTH_FIXTURE") is { Length: > 0 } path)
            File.WriteAllText(path, Recording(fixture, calls));

        Assert.True(calls.Count >= 60, $"only {calls.Count} calls replayed");
        foreach (var call in calls)
        {
            var id = call!["id"]!.GetValue<int>();
            var (from, to) = (call["from"]!.GetValue<long>(), call["to"]!.GetValue<long>());
            var expected = captured[id]["requests"]!.AsArray();
            var received = log.Where(e => e.Sequence > from && e.Sequence <= to && e.Endpoint is not null && !BrowserEndpoints.Contains(e.Endpoint)).ToList();
            Assert.True(expected.Count == received.Count,
                $"call {id}: the capture has {expected.Count} requests, the emulator received {received.Count}");
            for (var i = 0; i < expected.Count; i++) AssertSame(id, expected[i]!, received[i]);
        }

    }

    private static void AssertSame(int id, JsonNode expected, RequestLogEntry actual)
    {
        var where = $"call {id}, {expected["path"]}";
        var headers = Headers(expected);
        Assert.True(expected["path"]!.GetValue<string>() == actual.Path, $"{where}: path {actual.Path}");
        Assert.True(expected["method"]!.GetValue<string>() == actual.Method, $"{where}: method {actual.Method}");
        Assert.Equal(Normalise(expected["body"], maskSecrets: true), Normalise(actual.Body, maskSecrets: false));
        Assert.True(headers.GetValueOrDefault("content-type") == actual.Headers.GetValueOrDefault("content-type"), $"{where}: content-type");
        Assert.True(headers["x-wix-bi-gateway"] == actual.Headers.GetValueOrDefault("x-wix-bi-gateway"), $"{where}: x-wix-bi-gateway");
        Assert.True(headers.GetValueOrDefault("client-binding") == actual.Headers.GetValueOrDefault("client-binding"), $"{where}: client-binding");
        Assert.True((headers.ContainsKey("authorization") ? AuthorizationKind.Bare : AuthorizationKind.None) == actual.Authorization,
            $"{where}: Authorization {actual.Authorization}");
    }

    /// <summary>The capture's headers by lower-case name (fetch sends names case-insensitively).</summary>
    private static Dictionary<string, string> Headers(JsonNode request) =>
        request["headers"]!.AsObject().ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value!.GetValue<string>());

    /// <summary>The body as compact JSON, key order kept, with run-specific and masked values replaced by placeholders.</summary>
    private static string Normalise(JsonNode? body, bool maskSecrets)
    {
        if (body is null) return "null";
        var copy = body.DeepClone();
        Replace(copy, maskSecrets);
        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static void Replace(JsonNode node, bool maskSecrets)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (RandomFields.Contains(name)) obj[name] = "<random>";
                    else if (maskSecrets && SecretMasker.IsSecret(name)) obj[name] = SecretMasker.Mask;
                    else if (obj[name] is { } child) Replace(child, maskSecrets);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    if (item is not null) Replace(item, maskSecrets);
                break;
        }
    }

    /// <summary>The fixture again, each replayed call's requests as the SDK handed them to fetch against the emulator.</summary>
    private static string Recording(JsonNode fixture, JsonArray calls)
    {
        var byId = fixture["calls"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<int>(), c => c!);
        var recorded = new JsonArray();
        foreach (var call in calls)
        {
            var id = call!["id"]!.GetValue<int>();
            var entry = new JsonObject
            {
                ["id"] = id,
                ["method"] = byId[id]["method"]!.DeepClone(),
                ["call"] = byId[id]["call"]!.DeepClone(),
                ["scenario"] = byId[id]["scenario"]?.DeepClone(),
                ["result"] = (call["returned"] ?? call["threw"])?.DeepClone(),
                ["requests"] = call["requests"]!.DeepClone(),
            };
            recorded.Add(entry);
        }
        var copy = new JsonObject
        {
            ["sdk"] = fixture["sdk"]!.DeepClone(),
            ["capturedWith"] = "tools/record-member-auth-fixture.sh: tests/js/member-auth.mjs (wire) against the emulator; PKCE from a seeded xorshift32; the emulator's tokens as numbered placeholders",
            ["packages"] = fixture["packages"]!.DeepClone(),
            ["inputs"] = fixture["inputs"]!.DeepClone(),
            ["calls"] = recorded,
        };
        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}

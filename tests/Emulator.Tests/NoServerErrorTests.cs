using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

/// <summary>Whatever a client sends, the emulator never answers 5XX: seeded random bodies at every endpoint.</summary>
public sealed class NoServerErrorTests
{
    private static readonly string[] Names =
    [
        "clientId", "grantType", "redirectUri", "code", "codeVerifier", "refreshToken", "token", "auth", "authRequest",
        "logout", "callbacks", "postFlowUrl", "codeChallenge", "codeChallengeMethod", "responseMode", "responseType",
        "state", "prompt", "email", "password", "action", "grant_type", "client_id",
    ];

    private static readonly string[] Words =
    [
        "demo-client-id", "anonymous", "authorization_code", "refresh_token", "S256", "code", "fragment", "query",
        "none", "login", "cancel", "http://localhost:3000/callback", "http://localhost:3000/bye", "", "\u0000", "é",
        new string('a', 43), "ada@example.com", "lovelace",
    ];

    // HttpClient refuses to send non-ASCII header values, so Authorization draws from these.
    private static readonly string[] HeaderSafeWords = [.. Words.Where(w => w.All(c => c is >= ' ' and <= '~'))];

    [Fact]
    public async Task Random_bodies_at_every_endpoint_never_get_a_server_error()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();
        var fullUrl = await client.CreateLoginSessionAsync(new LoginRequest());
        var random = new Random(20261129);
        string[] paths = ["/oauth2/token", "/oauth2/token-info", "/_api/redirects-api/v1/redirect-session", fullUrl];
        string?[] contentTypes = ["application/json", "application/x-www-form-urlencoded", "text/plain", null, "application/json; charset=latin1"];

        var seen = new HashSet<int>();
        for (var i = 0; i < 300; i++)
        {
            var path = paths[random.Next(paths.Length)];
            var contentType = contentTypes[random.Next(contentTypes.Length)];
            var body = random.Next(4) switch
            {
                0 => RandomJson(random, 3).ToJsonString(),
                1 => string.Join('&', Enumerable.Range(0, random.Next(6)).Select(_ =>
                    Uri.EscapeDataString(Pick(random, Names)) + "=" + Uri.EscapeDataString(Pick(random, Words)))),
                2 => Encoding.Latin1.GetString(Enumerable.Range(0, random.Next(64)).Select(_ => (byte)random.Next(256)).ToArray()),
                _ => RandomJson(random, 3).ToJsonString()[..^1],
            };
            var authorization = random.Next(3) switch { 0 => null, 1 => visitor.AccessToken, _ => "Bearer " + Pick(random, HeaderSafeWords) };

            using var response = await client.PostRawAsync(path, body, contentType, authorization);

            Assert.True((int)response.StatusCode < 500, $"{path} {contentType} {body} -> {(int)response.StatusCode}");
            seen.Add((int)response.StatusCode);
        }

        // The bodies reach past the first checks: some succeed, and several kinds of refusal occur.
        Assert.All(new[] { 200, 400, 401, 415 }, status => Assert.Contains(status, seen));
    }

    private static JsonNode RandomJson(Random random, int depth)
    {
        var obj = new JsonObject();
        for (var i = random.Next(6); i > 0; i--) obj[Pick(random, Names)] = RandomValue(random, depth - 1);
        return obj;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 0 ? 7 : 5) switch
    {
        0 => null,
        1 => random.Next(),
        2 => random.Next(2) == 0,
        3 or 4 => Pick(random, Words),
        5 => new JsonArray(RandomValue(random, depth - 1), RandomValue(random, depth - 1)),
        _ => RandomJson(random, depth - 1),
    };

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Wix.Auth.Emulator.Tests;

public sealed partial class StandaloneTests
{
    [Fact]
    public async Task The_standalone_emulator_prints_where_it_listens_and_the_demo_logins_and_serves()
    {
        using var process = StartEmulator("--access-token-lifetime", "60");
        try
        {
            var banner = new List<string>();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!banner.Any(l => l.Contains("admin API at /_emulator")))
                banner.Add(await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException(
                    "The emulator exited: " + await process.StandardError.ReadToEndAsync()));

            var text = string.Join('\n', banner);
            Assert.Contains("demo-client-id", text);
            Assert.Contains("http://localhost:5000/auth/callback", text);
            Assert.Contains("ada@example.com / lovelace", text);
            Assert.Contains("access tokens live 60 s", text);
            var url = ListeningOn().Match(text).Groups[1].Value;
            while (!banner.Any(l => l.Contains("/_emulator/outbox")))
                banner.Add(await process.StandardOutput.ReadLineAsync(cts.Token) ?? "");
            Assert.Contains($"mailed codes       {url}/_emulator/outbox", string.Join('\n', banner));
            using var http = new HttpClient();
            var response = await http.PostAsync(url + "/oauth2/token", new StringContent(
                """{"clientId":"demo-client-id","grantType":"anonymous"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"expires_in\":60", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_standalone_emulator_logs_requests_at_Information_without_codes_states_or_tokens()
    {
        using var process = StartEmulator();
        try
        {
            var output = new List<string>();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            async Task ReadUntil(string text)
            {
                while (!output.Any(l => l.Contains(text, StringComparison.Ordinal)))
                    output.Add(await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException(
                        "The emulator exited: " + await process.StandardError.ReadToEndAsync()));
            }
            await ReadUntil("admin API at /_emulator");
            var url = ListeningOn().Match(string.Join('\n', output)).Groups[1].Value;
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            var login = new Support.LoginRequest { ResponseMode = "query" };

            var visitor = await Json(await http.PostAsync("/oauth2/token", JsonContent("""{"clientId":"demo-client-id","grantType":"anonymous"}""")));
            using var session = new HttpRequestMessage(HttpMethod.Post, "/_api/redirects-api/v1/redirect-session")
            {
                Content = JsonContent(System.Text.Json.JsonSerializer.Serialize(login.Body())),
            };
            session.Headers.TryAddWithoutValidation("Authorization", visitor.GetProperty("access_token").GetString());
            var fullUrl = (await Json(await http.SendAsync(session))).GetProperty("redirectSession").GetProperty("fullUrl").GetString()!;
            using var form = await http.PostAsync(fullUrl, new FormUrlEncodedContent(
                [new("email", "ada@example.com"), new("password", "lovelace"), new("action", "login")]));
            var code = Support.UrlParams.Query(form.Headers.Location!)["code"];
            var tokens = await Json(await http.PostAsync("/oauth2/token", JsonContent(System.Text.Json.JsonSerializer.Serialize(new
            {
                clientId = "demo-client-id", grantType = "authorization_code", redirectUri = login.RedirectUri, code, codeVerifier = login.Pkce.Verifier,
            }))));
            var accessToken = tokens.GetProperty("access_token").GetString()!;
            (await http.GetAsync("/members/v1/members/my?token=" + accessToken)).Dispose();
            await ReadUntil("/members/v1/members/my");

            var log = string.Join('\n', output);
            Assert.Contains("POST /_api/oauth2/authorize?rs=", log);   // one line per request, at Information
            foreach (var secret in new[] { code, login.State, login.Pkce.Verifier, accessToken, tokens.GetProperty("refresh_token").GetString()! })
                Assert.DoesNotContain(secret, log);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<System.Text.Json.JsonElement> Json(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }

    [Fact]
    public async Task A_bad_switch_stops_the_standalone_emulator_with_a_message()
    {
        using var process = StartEmulator("--code-lifetime", "soon");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--code-lifetime", error);
    }

    [Fact]
    public async Task Help_prints_the_switches_and_exits_without_listening()
    {
        // "--help" before "--urls": ASP.NET's configuration would have read it as help = "--urls" and listened on 5099.
        using var process = StartEmulator("--help");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Usage: wix-emulator [options]", output);
        Assert.Contains("--access-token-lifetime <seconds>", output);
        Assert.DoesNotContain("listening on", output);
    }

    /// <summary>Starts the standalone program as a user would, on a free loopback port.</summary>
    private static Process StartEmulator(params string[] switches)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "Wix.Auth.Emulator.dll" }.Concat(switches).Concat(["--urls", "http://127.0.0.1:0"]))
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    [GeneratedRegex(@"listening on\s+(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}

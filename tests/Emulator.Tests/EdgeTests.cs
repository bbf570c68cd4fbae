using System.Net;
using System.Text;
using System.Text.Json;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

/// <summary>The emulator as strict and bounded as the real thing, its admin API closed to other origins (issue 15, finding 10).</summary>
public sealed class EdgeTests
{
    [Fact]
    public async Task Invalid_UTF8_in_a_JSON_property_name_is_a_400_not_an_aborted_connection()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var body = new ByteArrayContent([.. "{\""u8.ToArray(), 0xC3, 0x28, .. "\":1,\"grantType\":\"anonymous\",\"clientId\":\"x\"}"u8.ToArray()]);
        body.Headers.ContentType = new("application/json");

        using var response = await http.PostAsync("oauth2/token", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        using var log = await http.GetAsync("_emulator/requests");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_logged_body_or_query_does_not_break_the_request_log()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var client = new TestClient(emulator);
        using (await client.PostRawAsync("/oauth2/token", "{\"grantType\":\"\\ud800\",\"clientId\":\"x\",\"note\":\"\\ud800\",\"\\udc00\":1}", "application/json")) { }
        using (await client.GetAsync("/_api/oauth2/authorize?x=%ED%A0%80&y=\\ud800")) { }

        using var log = await client.GetAsync("/_emulator/requests");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await log.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
        using var counters = await client.GetAsync("/_emulator/counters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
    }

    [Fact]
    public async Task Client_sent_values_do_not_grow_the_counters_and_large_bodies_are_not_kept_in_the_log()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var client = new TestClient(emulator);
        for (var i = 0; i < 50; i++)
            using (await client.PostJsonAsync("/oauth2/token", new { grantType = $"made-up-{i}-" + new string('g', 4000), clientId = "x" })) { }
        using (await client.PostJsonAsync("/oauth2/token", new { grantType = "anonymous", clientId = "x", pad = new string('p', 60_000) })) { }

        Assert.Equal(["token:anonymous", "token:other"], emulator.RequestLog.Counters.Keys.Order());
        Assert.Equal(50, emulator.RequestLog.Count(EmulatorEndpoint.Token, "other"));
        var padded = emulator.RequestLog.Entries[^1];
        Assert.True(padded.Body!.ToJsonString().Length < 200, "the 60 KB body was kept in the log");
    }

    [Theory]
    [InlineData("GET", "/_emulator")]
    [InlineData("GET", "/_emulator/requests")]
    [InlineData("POST", "/_emulator/faults")]
    [InlineData("OPTIONS", "/_emulator/faults")]
    public async Task The_admin_API_refuses_requests_a_browser_sends_from_another_origin(string method, string path)
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        if (method == "POST") request.Content = new StringContent("{\"endpoint\":\"token\",\"kind\":\"drop\"}", Encoding.UTF8, "text/plain");

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(emulator.Faults.List());
    }

    [Fact]
    public async Task The_admin_API_still_answers_tools_and_its_own_origin_and_Wix_endpoints_stay_open_to_browser_apps()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        using (var tool = await http.GetAsync("_emulator/requests")) Assert.Equal(HttpStatusCode.OK, tool.StatusCode);
        using (var own = new HttpRequestMessage(HttpMethod.Get, "_emulator/requests"))
        {
            own.Headers.Add("Origin", emulator.BaseUrl.GetLeftPart(UriPartial.Authority));
            using var response = await http.SendAsync(own);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var app = new HttpRequestMessage(HttpMethod.Post, "oauth2/token")
        {
            Content = new StringContent("{\"grantType\":\"anonymous\",\"clientId\":\"" + DemoData.ClientId + "\"}", Encoding.UTF8, "application/json"),
        };
        app.Headers.Add("Origin", "https://shop.example");
        using var token = await http.SendAsync(app);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("*", token.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task An_error_body_carries_only_the_kind_of_error_Wix_sends()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var client = new TestClient(emulator);
        using var unauthenticated = await client.PostJsonAsync("/_api/redirects-api/v1/redirect-session", new { auth = new { } });
        var details = JsonDocument.Parse(await unauthenticated.Content.ReadAsStringAsync()).RootElement.GetProperty("details");
        Assert.Equal(["applicationError"], details.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5099", true)]
    [InlineData("http://[::]:5099", true)]
    [InlineData("http://*:5099", true)]
    [InlineData("http://+:5099", true)]
    [InlineData("http://127.0.0.1:5099", false)]
    [InlineData("http://localhost:5099", false)]
    public void Binding_to_every_interface_prints_a_warning(string url, bool warned)
    {
        var output = new StringWriter();
        Banner.Print(output, [url], new EmulatorOptions());
        Assert.Equal(warned, output.ToString().Contains("WARNING", StringComparison.Ordinal));
    }
}

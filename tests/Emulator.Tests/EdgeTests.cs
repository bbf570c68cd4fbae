using System.Net;
using System.Text;
using System.Text.Json;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

/// <summary>The emulator as strict and bounded as the real thing, its admin API closed to other origins (issue 15, finding 10).</summary>
public sealed class EdgeTests
{
    [Fact]
    public async Task Escaped_lone_surrogates_in_a_body_or_query_do_not_break_the_request_log_or_the_counters()
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

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]          // a lone surrogate, as CESU-8 writes it
    [InlineData(new byte[] { 0xC3, 0x28 })]                 // a broken two-byte sequence
    [InlineData(new byte[] { 0xFF })]
    public async Task A_body_with_invalid_UTF8_in_a_value_or_a_name_is_refused_and_the_request_log_stays_readable(byte[] invalid)
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        foreach (var body in new[]
        {
            (byte[])[.. "{\"grantType\":\"anonymous\",\"clientId\":\""u8.ToArray(), .. invalid, .. "\"}"u8.ToArray()],
            [.. "{\"grantType\":\"anonymous\",\"clientId\":\"x\",\"n"u8.ToArray(), .. invalid, .. "\":{\"a\":1}}"u8.ToArray()],
            [.. "{\"auth\":{\"authRequest\":{\""u8.ToArray(), .. invalid, .. "\":1}}}"u8.ToArray()],
        })
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync(body[2] == (byte)'a' ? "_api/redirects-api/v1/redirect-session" : "oauth2/token", content);
            Assert.InRange((int)response.StatusCode, 400, 401);   // 401: the redirect session asks for a token first
        }

        using var log = await http.GetAsync("_emulator/requests");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal(3, JsonDocument.Parse(await log.Content.ReadAsByteArrayAsync()).RootElement.GetArrayLength());
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

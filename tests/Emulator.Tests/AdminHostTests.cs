using System.Net;

namespace Wix.Auth.Emulator.Tests;

/// <summary>
/// The admin API answers only the names the emulator listens on, so a DNS-rebinding page cannot reach it (issue 26, item 5).
/// </summary>
public sealed class AdminHostTests
{
    [Fact]
    public async Task A_DNS_rebinding_page_gets_403_even_from_its_own_origin()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emu.BaseUrl };
        var rebound = $"evil.example:{emu.BaseUrl.Port}";

        // A same-origin GET sends no Origin; the page's own name is all there is to go on.
        using var read = new HttpRequestMessage(HttpMethod.Get, "_emulator/requests");
        read.Headers.Host = rebound;
        read.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var post = new HttpRequestMessage(HttpMethod.Post, "_emulator/faults")
        {
            Content = new StringContent("""{"endpoint":"token","kind":"drop"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Host = rebound;
        post.Headers.Add("Origin", "http://" + rebound);

        using var readResponse = await http.SendAsync(read);
        using var postResponse = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Forbidden, readResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, postResponse.StatusCode);
        Assert.Empty(emu.Faults.List());
    }

    [Fact]
    public async Task An_origin_is_judged_by_where_the_emulator_listens_not_by_Host()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emu.BaseUrl };
        var port = emu.BaseUrl.Port;

        async Task<HttpStatusCode> Send(string host, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "_emulator/state");
            request.Headers.Host = host;
            request.Headers.Add("Origin", origin);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Send($"127.0.0.1:{port}", $"http://127.0.0.1:{port}"));
        Assert.Equal(HttpStatusCode.OK, await Send($"localhost:{port}", $"http://localhost:{port}"));
        Assert.Equal(HttpStatusCode.OK, await Send($"127.0.0.1:{port}", $"http://localhost:{port}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Send($"127.0.0.1:{port}", $"http://evil.example:{port}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Send($"127.0.0.1:{port}", "http://localhost:3000"));
        Assert.Equal(HttpStatusCode.Forbidden, await Send($"127.0.0.1:{port}", $"https://127.0.0.1:{port}"));
    }

    [Fact]
    public async Task Tools_without_an_Origin_reach_the_admin_API_by_localhost_or_127_0_0_1()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var http = new HttpClient();
        foreach (var host in new[] { "127.0.0.1", "localhost" })
        {
            var url = new UriBuilder(emu.BaseUrl) { Host = host, Path = "/_emulator/counters" }.Uri;
            using var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.NotNull(await emu.CreateAdminClient(http).GetStateAsync());
    }
}

using System.Net;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

/// <summary>A browser app on another origin can call the emulator as it calls Wix's API.</summary>
public sealed class CorsTests
{
    private const string Origin = "http://localhost:3000";

    [Fact]
    public async Task A_preflight_is_allowed_and_is_neither_logged_nor_counted()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            Faults = [FaultSpec.Drop(EmulatorEndpoint.Token) with { Count = 1 }],
        });
        using var client = new TestClient(emu);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/oauth2/token");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,authorization,x-wix-bi-gateway");

        using var response = await client.Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Single(response.Headers.GetValues("x-wix-request-id"));
        Assert.Empty(emu.RequestLog.Entries);
        Assert.Single(emu.Faults.List());
    }

    [Fact]
    public async Task A_cross_origin_call_may_read_the_answer_and_its_request_id()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/members/v1/members/my");
        request.Headers.Add("Origin", Origin);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("x-wix-request-id", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }
}

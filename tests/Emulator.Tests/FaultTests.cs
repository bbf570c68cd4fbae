using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class FaultTests
{
    private static readonly object AnonymousGrant = new { clientId = DemoData.ClientId, grantType = "anonymous" };

    [Fact]
    public async Task Latency_delays_the_answer_and_then_answers_normally()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            Faults = [FaultSpec.Latency(EmulatorEndpoint.Token, TimeSpan.FromMilliseconds(400)) with { Count = 1 }],
        });
        using var client = new TestClient(emu);

        var watch = Stopwatch.StartNew();
        await TestClient.TokensOf(await client.PostJsonAsync("/oauth2/token", AnonymousGrant));
        var slow = watch.Elapsed;
        Assert.True(slow >= TimeSpan.FromMilliseconds(380), $"took {slow}");

        // A fault for one request is used up by it (a lower bound on time is all a shared machine can promise; the
        // second request's speed is not compared, since load alone could make it slow).
        Assert.Empty(emu.Faults.List());
        await TestClient.TokensOf(await client.PostJsonAsync("/oauth2/token", AnonymousGrant));
    }

    [Fact]
    public async Task A_status_fault_answers_that_status_with_retry_after_and_changes_nothing()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        emu.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 429, retryAfterSeconds: 7) with { Count = 1 });

        using var limited = await client.PostJsonAsync("/oauth2/token", AnonymousGrant);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("temporarily_unavailable", (await TestClient.JsonOf(limited)).GetProperty("error").GetString());
        Assert.Single(limited.Headers.GetValues("x-wix-request-id"));
        Assert.Equal(0, emu.Snapshot().AccessTokens);
        await TestClient.TokensOf(await client.PostJsonAsync("/oauth2/token", AnonymousGrant));
        Assert.Empty(emu.Faults.List());
    }

    [Fact]
    public async Task A_status_fault_on_a_wix_endpoint_uses_the_wix_error_shape()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var visitor = await client.VisitorTokensAsync();
        emu.Faults.Add(FaultSpec.Status(EmulatorEndpoint.RedirectSession, 503));

        using var response = await client.PostJsonAsync(
            "/_api/redirects-api/v1/redirect-session", new LoginRequest().Body(), visitor.AccessToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var code = (await TestClient.JsonOf(response)).GetProperty("details").GetProperty("applicationError").GetProperty("code");
        Assert.Equal("INJECTED_FAULT", code.GetString());
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_request_and_changes_nothing()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            Faults = [FaultSpec.Drop(EmulatorEndpoint.Token) with { Count = 1 }],
        });
        using var client = new TestClient(emu);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostJsonAsync("/oauth2/token", AnonymousGrant));

        Assert.Equal(0, emu.Snapshot().AccessTokens);
        await TestClient.TokensOf(await client.PostJsonAsync("/oauth2/token", AnonymousGrant));
        // The dropped request's entry is written when the server is done with it, which may be after the client has moved
        // on and the next request is logged: the entries are read in the order the requests arrived.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (emu.RequestLog.For(EmulatorEndpoint.Token).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        var logged = emu.RequestLog.For(EmulatorEndpoint.Token).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(FaultKind.Drop, logged[0].Fault);
        Assert.Null(logged[0].Status);
        Assert.Equal(200, logged[1].Status);
    }

    [Fact]
    public async Task A_truncated_body_is_not_valid_json()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        emu.Faults.Add(FaultSpec.Truncate(EmulatorEndpoint.Token) with { Count = 1 });

        using var response = await client.PostJsonAsync("/oauth2/token", AnonymousGrant);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"access_token\":", text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task A_non_json_fault_answers_html()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        emu.Faults.Add(new FaultSpec(EmulatorEndpoint.Members, FaultKind.NonJson) { StatusCode = 502 });

        using var response = await client.GetAsync("/members/v1/members/my", "whatever");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(response.Content.ReadAsStringAsync().Result));
    }

    [Fact]
    public async Task A_fault_for_the_next_n_requests_hits_exactly_n()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        emu.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 500) with { Count = 3 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await client.PostJsonAsync("/oauth2/token", AnonymousGrant)).StatusCode);

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError,
            HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task A_fractional_fault_hits_about_that_fraction_and_a_seed_repeats_it()
    {
        async Task<List<bool>> Run()
        {
            await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
            {
                FaultSeed = 1234,
                Faults = [FaultSpec.Status(EmulatorEndpoint.TokenInfo, 503) with { Probability = 0.3 }],
            });
            using var client = new TestClient(emu);
            var hits = new List<bool>();
            for (var i = 0; i < 200; i++)
                hits.Add((await client.PostJsonAsync("/oauth2/token-info", new { token = "t" })).StatusCode == HttpStatusCode.ServiceUnavailable);
            return hits;
        }

        var first = await Run();
        var second = await Run();

        Assert.InRange(first.Count(h => h), 40, 80);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Faults_are_managed_at_run_time_through_the_admin_api()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        var admin = emu.CreateAdminClient(client.Http);

        var added = await admin.AddFaultAsync(FaultSpec.Status(EmulatorEndpoint.Token, 503, 2));
        var listed = await admin.GetFaultsAsync();
        using var faulted = await client.PostJsonAsync("/oauth2/token", AnonymousGrant);
        Assert.True(await admin.RemoveFaultAsync(added.Id));
        Assert.False(await admin.RemoveFaultAsync(added.Id));
        using var healthy = await client.PostJsonAsync("/oauth2/token", AnonymousGrant);

        Assert.Equal(added, Assert.Single(listed));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task The_admin_api_takes_faults_as_plain_json_and_refuses_bad_ones()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);

        using var ok = await client.PostRawAsync("/_emulator/faults",
            """{"endpoint":"redirect-session","kind":"non-json","count":2}""", "application/json");
        using var badKind = await client.PostRawAsync("/_emulator/faults",
            """{"endpoint":"token","kind":"explode"}""", "application/json");
        using var badFraction = await client.PostRawAsync("/_emulator/faults",
            """{"endpoint":"token","kind":"drop","probability":2}""", "application/json");
        using var cleared = await client.Http.DeleteAsync("/_emulator/faults");

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(2, (await TestClient.JsonOf(ok)).GetProperty("remaining").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFraction.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(emu.Faults.List());
    }
}

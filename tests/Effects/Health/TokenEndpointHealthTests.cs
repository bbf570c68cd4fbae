using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Faults;

namespace Wix.Auth.Effects.Tests.Health;

/// <summary><c>AddHealthChecks().AddWixTokenEndpoint()</c> against the emulator, through the host's <see cref="HealthCheckService"/>.</summary>
public sealed class TokenEndpointHealthTests
{
    [Fact]
    public async Task Wix_issuing_visitor_tokens_is_healthy_and_the_answer_is_reused_until_it_is_stale()
    {
        await using var emulator = await WixEmulator.StartAsync();
        var (health, time) = Services(emulator);

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorEndpoint.Token, "anonymous"));

        time.Advance(TimeSpan.FromSeconds(2));
        await health.CheckHealthAsync();
        Assert.Equal(2, emulator.RequestLog.Count(EmulatorEndpoint.Token, "anonymous"));
    }

    [Fact]
    public async Task Concurrent_probes_send_one_request()
    {
        await using var emulator = await WixEmulator.StartAsync();
        emulator.Faults.Add(FaultSpec.Latency(EmulatorEndpoint.Token, TimeSpan.FromMilliseconds(200)));
        var (health, _) = Services(emulator);

        var reports = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => health.CheckHealthAsync()));

        Assert.All(reports, r => Assert.Equal(HealthStatus.Healthy, r.Status));
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorEndpoint.Token, "anonymous"));
    }

    [Fact]
    public async Task Wix_failing_is_unhealthy_with_its_status_and_request_id_and_no_token()
    {
        await using var emulator = await WixEmulator.StartAsync();
        emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 503));
        var (health, _) = Services(emulator);

        var entry = (await health.CheckHealthAsync()).Entries["wix-token-endpoint"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(503, entry.Data["status"]);
        Assert.StartsWith("emu-", (string)entry.Data["x-wix-request-id"]);
        Assert.Contains((string)entry.Data["code"], entry.Description);
    }

    [Fact]
    public async Task An_unknown_client_is_unhealthy()
    {
        await using var emulator = await WixEmulator.StartAsync();
        var (health, _) = Services(emulator, clientId: "not-a-client");

        var entry = (await health.CheckHealthAsync()).Entries["wix-token-endpoint"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(401, entry.Data["status"]);
    }

    [Fact]
    public async Task Wix_not_answering_is_unhealthy_within_the_timeout()
    {
        await using var emulator = await WixEmulator.StartAsync();
        emulator.Faults.Add(FaultSpec.Latency(EmulatorEndpoint.Token, TimeSpan.FromSeconds(30)));
        var (health, _) = Services(emulator, timeout: TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var entry = (await health.CheckHealthAsync()).Entries["wix-token-endpoint"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("timeout", entry.Data["code"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");   // bounded, with slack for a shared machine
    }

    private static (HealthCheckService Health, FakeTimeProvider Time) Services(WixEmulator emulator, string clientId = DemoData.ClientId, TimeSpan? timeout = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddWixAuth(o =>
        {
            o.ClientId = clientId;
            o.ApiBaseUrl = emulator.BaseUrl;
            o.MaxRetries = 0;
        }).AddSingleUserSession();
        services.AddHealthChecks().AddWixTokenEndpoint(configure: o => timeout is { } t ? o with { Timeout = t } : o);
        return (services.BuildServiceProvider().GetRequiredService<HealthCheckService>(), time);
    }
}

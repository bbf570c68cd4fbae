using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Emulator.Model;

namespace Wix.Auth.Emulator.Tests;

public sealed class StateTests
{
    [Fact]
    public void Expired_tokens_and_sessions_are_forgotten_as_new_ones_are_issued()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T00:00:00Z"));
        var state = new EmulatorState(new EmulatorOptions { TimeProvider = clock, AccessTokenLifetime = TimeSpan.FromSeconds(1) });
        for (var i = 0; i < 1000; i++) state.IssueAccessToken(DemoData.ClientId, Subject.NewVisitor());
        Assert.Equal(1000, state.Snapshot().AccessTokens);

        clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 24; i++) state.IssueAccessToken(DemoData.ClientId, Subject.NewVisitor());

        Assert.Equal(24, state.Snapshot().AccessTokens);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Options_that_cannot_work_are_refused_at_start(EmulatorOptions options)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WixEmulator.StartAsync(options));
    }

    public static TheoryData<EmulatorOptions> BadOptions => new()
    {
        new EmulatorOptions { AccessTokenLifetime = TimeSpan.Zero },
        new EmulatorOptions { CodeLifetime = TimeSpan.FromSeconds(-1) },
        new EmulatorOptions { MaxBodyBytes = 0 },
        new EmulatorOptions { Apps = [DemoData.App, DemoData.App] },
        new EmulatorOptions { Members = [DemoData.Ada, DemoData.Ada with { Email = "ADA@example.com" }] },
        new EmulatorOptions { Faults = [FaultSpec.Status(EmulatorEndpoint.Token, 42)] },
        new EmulatorOptions { Faults = [FaultSpec.Drop(EmulatorEndpoint.Token) with { Probability = 1.5 }] },
    };
}

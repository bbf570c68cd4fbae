using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Faults;

public sealed class CancellationTests
{
    [Fact]
    public async Task A_cancelled_call_throws_promptly_and_leaves_the_stores_as_they_were()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        var member = await h.LogInAsync();
        h.Time.Advance(TimeSpan.FromMinutes(6));
        h.Emulator.Faults.Add(FaultSpec.Latency(EmulatorEndpoint.Token, TimeSpan.FromSeconds(3)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.RenewTokenAsync(cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2.5), "cancellation is honoured, not waited out for the 3 s answer");
        Assert.Equal(Some(member), await h.Client.GetTokensAsync());
    }
}

using System.Net;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Thousands_of_sessions_live_side_by_side_and_each_code_is_won_once()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        const int logins = 2_000;

        // Many members logged in side by side, 32 requests in flight at a time: each login leaves a browser
        // session and a code behind.
        var pending = new System.Collections.Concurrent.ConcurrentBag<(LoginRequest login, string code)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, logins), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (_, _) =>
            {
                var login = new LoginRequest();
                pending.Add((login, await client.LoginForCodeAsync(login)));
            });
        Assert.Equal(logins, emu.Snapshot().BrowserSessions);
        Assert.Equal(logins, emu.Snapshot().PendingCodes);

        // Race two exchanges of every code: exactly one of each pair wins.
        var outcomes = await Task.WhenAll(pending.Select(async p =>
        {
            var race = await Task.WhenAll(client.ExchangeAsync(p.login, p.code), client.ExchangeAsync(p.login, p.code));
            return race.Count(r => r.StatusCode == HttpStatusCode.OK);
        }));

        Assert.All(outcomes, wins => Assert.Equal(1, wins));
        Assert.Equal(0, emu.Snapshot().PendingCodes);
    }

    [Fact]
    public async Task Concurrent_rotations_of_one_refresh_token_let_exactly_one_through()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions { RotateRefreshTokens = true });
        using var client = new TestClient(emu);
        var member = await client.MemberTokensAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.RefreshAsync(member.RefreshToken)));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
    }
}

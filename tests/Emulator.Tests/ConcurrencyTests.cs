using System.Net;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task A_thousand_sessions_live_side_by_side_and_each_code_is_won_once()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        const int logins = 1_000;

        // Many members logged in at once: each login leaves a browser session and a code behind.
        var pending = await Task.WhenAll(Enumerable.Range(0, logins).Select(async _ =>
        {
            var login = new LoginRequest();
            return (login, code: await LoginOnce(emu, login));
        }));
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

    // Each login in its own cookie jar: a browser of its own.
    private static async Task<string> LoginOnce(WixEmulator emu, LoginRequest login)
    {
        using var browser = new TestClient(emu);
        return await browser.LoginForCodeAsync(login);
    }
}

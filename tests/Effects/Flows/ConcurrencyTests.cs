using System.Net;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task A_thousand_concurrent_calls_on_an_expired_token_send_exactly_one_refresh()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        await h.LogInAsync();
        h.Time.Advance(TimeSpan.FromMinutes(6)); // expired at the emulator too
        h.Emulator.RequestLog.Clear();
        using var api = new HttpClient(new WixAuthHandler(() => h.NewClient()) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 } })
        {
            BaseAddress = h.Emulator.BaseUrl,
        };

        var statuses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ =>
        {
            using var response = await api.GetAsync("/members/v1/members/my");
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "refresh_token"));
        Assert.Equal(1000, h.Emulator.RequestLog.Count(EmulatorEndpoint.Members));
    }

    [Fact]
    public async Task A_refused_refresh_answers_every_waiting_call_with_401_and_never_sends_them_anonymously()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        await h.LogInAsync();
        h.Time.Advance(TimeSpan.FromMinutes(6));
        h.Emulator.RequestLog.Clear();
        h.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.Token, 400));
        using var api = new HttpClient(new WixAuthHandler(h.Client) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = h.Emulator.BaseUrl };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.GetAsync("/members/v1/members/my")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        // Calls that joined the refresh learn it was refused; calls that came after find the session ended for that reason.
        var reasons = responses.Select(r => Assert.Single(r.Headers.GetValues(WixAuthHandler.ErrorHeader))).ToArray();
        Assert.All(reasons, reason => Assert.Equal("refresh_rejected", reason));
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token));
        using var later = await api.GetAsync("/members/v1/members/my");
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
        Assert.Equal(["refresh_rejected"], later.Headers.GetValues(WixAuthHandler.ErrorHeader));
        Assert.Equal(0, h.Emulator.RequestLog.Count(EmulatorEndpoint.Members));
        Assert.Equal(0, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "anonymous"));
    }
}

using Wix.Auth.Effects.Client;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Faults;

/// <summary>
/// Every remote call × every fault the emulator can inject: the documented typed result, retries only where
/// repeating is safe, and the stores left whole.
/// </summary>
public sealed class FaultMatrixTests
{
    private const int MaxRetries = 2;

    public static TheoryData<RemoteCall, Fault> Matrix()
    {
        var data = new TheoryData<RemoteCall, Fault>();
        foreach (var call in Enum.GetValues<RemoteCall>())
            foreach (var fault in Enum.GetValues<Fault>())
                data.Add(call, fault);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_call_under_each_fault(RemoteCall call, Fault fault)
    {
        await using var h = await StartAsync(configure: o => { o.MaxRetries = MaxRetries; o.AttemptTimeout = TimeSpan.FromSeconds(1); });
        var (endpoint, act) = await PrepareAsync(h, call);
        var tokensBefore = await h.Client.GetTokensAsync();
        h.Emulator.RequestLog.Clear();
        h.Emulator.Faults.Add(Spec(endpoint, fault));

        var outcome = await act();

        var expected = Expected(call, fault);
        var attempts = await SettledCountAsync(h, endpoint, expected.Attempts);
        Assert.Equal(expected.Attempts, attempts);
        Assert.Equal(expected.Outcome, Describe(outcome));
        var tokensAfter = await h.Client.GetTokensAsync();
        switch (call)
        {
            case RemoteCall.LogoutSession:
                Assert.True(tokensAfter is null); // logging out always clears the tokens, whatever Wix answered
                break;
            case RemoteCall.Refresh when fault == Fault.Status400:
                Assert.True(tokensAfter is null); // a refused refresh ends the member's session, visibly
                break;
            case RemoteCall.Refresh when expected.Outcome == "ok":
                Assert.NotEqual(tokensBefore, tokensAfter); // recovered: the renewed tokens are stored
                break;
            case RemoteCall.Refresh or RemoteCall.CodeExchange or RemoteCall.LoginSession:
                Assert.Equal(tokensBefore, tokensAfter); // nothing lost, nothing half-written
                break;
            case RemoteCall.VisitorTokens:
                Assert.Equal(expected.Outcome == "ok", tokensAfter is not null);
                break;
        }
    }

    // An attempt the client gave up on (a timeout) is logged when the emulator finishes it, after the injected
    // latency: wait for the log to reach the expected count, or for every such attempt to have finished.
    private static async Task<long> SettledCountAsync(Harness h, EmulatorEndpoint endpoint, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (h.Emulator.RequestLog.Count(endpoint) < expected && DateTime.UtcNow < deadline) await Task.Delay(25);
        return h.Emulator.RequestLog.Count(endpoint);
    }

    private static (int Attempts, string Outcome) Expected(RemoteCall call, Fault fault)
    {
        var idempotent = call != RemoteCall.CodeExchange;
        var wixError = fault switch
        {
            Fault.LatencyPastTimeout => WixError.Timeout,
            Fault.DroppedConnection => WixError.NetworkError,
            Fault.NonJsonBody => WixError.InvalidResponse,
            // The emulator answers an injected status in each endpoint's own error shape.
            _ => call is RemoteCall.LoginSession or RemoteCall.LogoutSession ? "INJECTED_FAULT" : "temporarily_unavailable",
        };
        var recovers = idempotent && fault is Fault.Status503RetryAfter or Fault.Status429RetryAfter or Fault.DroppedConnection;
        var attempts = fault switch
        {
            Fault.LatencyPastTimeout or Fault.Status500 => idempotent ? MaxRetries + 1 : 1,
            Fault.Status503RetryAfter or Fault.Status429RetryAfter or Fault.DroppedConnection => idempotent ? 2 : 1,
            _ => 1,
        };
        var failure = call switch
        {
            RemoteCall.Refresh => fault == Fault.Status400 ? "refresh_rejected:" + wixError : "refresh_unavailable:" + wixError,
            RemoteCall.LogoutSession => "back-to-site", // the local logout stands
            _ => "remote_call_failed:" + wixError,
        };
        return (attempts, recovers ? "ok" : failure);
    }

    private static string Describe(AuthResult<string> outcome) => outcome.Match(
        ok => ok,
        e => e switch
        {
            AuthError.RemoteCallFailed r => $"{e.Code}:{r.Error.Code}",
            AuthError.RefreshRejected r => $"{e.Code}:{r.Error.Code}",
            AuthError.RefreshUnavailable r => $"{e.Code}:{r.Error.Code}",
            _ => e.Code,
        });

    private static FaultSpec Spec(EmulatorEndpoint endpoint, Fault fault) => fault switch
    {
        Fault.LatencyPastTimeout => FaultSpec.Latency(endpoint, TimeSpan.FromMilliseconds(2500)),
        Fault.Status500 => FaultSpec.Status(endpoint, 500),
        Fault.Status503RetryAfter => FaultSpec.Status(endpoint, 503, retryAfterSeconds: 1) with { Count = 1 },
        Fault.Status429RetryAfter => FaultSpec.Status(endpoint, 429, retryAfterSeconds: 1) with { Count = 1 },
        Fault.DroppedConnection => FaultSpec.Drop(endpoint) with { Count = 1 },
        Fault.NonJsonBody => FaultSpec.NonJson(endpoint),
        Fault.Status400 => FaultSpec.Status(endpoint, 400),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    // Brings the client to the point just before the call, and returns the endpoint it hits and the call itself.
    private static async Task<(EmulatorEndpoint, Func<Task<AuthResult<string>>>)> PrepareAsync(Harness h, RemoteCall call)
    {
        switch (call)
        {
            case RemoteCall.VisitorTokens:
                return (EmulatorEndpoint.Token, async () => (await h.Client.GetAuthUrlAsync(h.NewOAuthData())).Map(_ => "ok"));
            case RemoteCall.LoginSession:
                Right(await h.Client.GenerateVisitorTokensAsync());
                return (EmulatorEndpoint.RedirectSession, async () => (await h.Client.GetAuthUrlAsync(h.NewOAuthData())).Map(_ => "ok"));
            case RemoteCall.CodeExchange:
                var data = h.NewOAuthData();
                var callback = await h.Browser.SignInAsync(Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Ada.Email, DemoData.Ada.Password);
                var parsed = Right(h.Client.ParseFromUrl(callback.ToString(), ResponseMode.Query));
                return (EmulatorEndpoint.Token, async () => (await h.Client.GetMemberTokensAsync(parsed, data.State)).Map(_ => "ok"));
            case RemoteCall.Refresh:
                await h.LogInAsync();
                h.Time.Advance(TimeSpan.FromHours(4));
                return (EmulatorEndpoint.Token, async () => (await h.Client.RenewTokenAsync()).Map(_ => "ok"));
            default:
                await h.LogInAsync();
                // Where the browser is sent: Wix's logout page, or straight back to the site when Wix failed.
                return (EmulatorEndpoint.RedirectSession, async () =>
                    (await h.Client.LogoutAsync(PostLogoutUrl)).Map(url => url == PostLogoutUrl ? "back-to-site" : "ok"));
        }
    }
}

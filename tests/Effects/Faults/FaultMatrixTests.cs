using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Faults;

/// <summary>
/// Every remote call × every fault the emulator can inject, and a refused connection: the documented typed result,
/// retries only as far as the request's repeat policy allows (a code is exchanged again only when it never reached
/// Wix), <c>Retry-After</c> honoured, no retry at all with <c>MaxRetries = 0</c>, and the stores left whole.
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

    public static TheoryData<RemoteCall, Fault> WithoutRetries()
    {
        var data = new TheoryData<RemoteCall, Fault>();
        foreach (var call in Enum.GetValues<RemoteCall>())
            foreach (var fault in new[] { Fault.Status503RetryAfter, Fault.Status500, Fault.ConnectionRefused })
                data.Add(call, fault);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public Task Each_call_under_each_fault(RemoteCall call, Fault fault) => RunAsync(call, fault, MaxRetries);

    [Theory]
    [MemberData(nameof(WithoutRetries))]
    public Task No_call_is_repeated_with_MaxRetries_zero(RemoteCall call, Fault fault) => RunAsync(call, fault, 0);

    private static async Task RunAsync(RemoteCall call, Fault fault, int maxRetries)
    {
        await using var h = await StartAsync(configure: o => { o.MaxRetries = maxRetries; o.AttemptTimeout = TimeSpan.FromSeconds(1); });
        var (endpoint, act) = await PrepareAsync(h, call);
        var tokensBefore = await h.Client.GetTokensAsync();
        h.Emulator.RequestLog.Clear();
        if (fault == Fault.ConnectionRefused) h.Connections.RefuseNext(PathOf(endpoint), 1);
        else h.Emulator.Faults.Add(Spec(endpoint, fault));

        var started = DateTime.UtcNow;
        var outcome = await act();
        var elapsed = DateTime.UtcNow - started;

        var expected = Expected(call, fault, maxRetries);
        var attempts = await SettledCountAsync(h.Emulator, endpoint, expected.Attempts);
        Assert.Equal(expected.Attempts, attempts);
        Assert.Equal(expected.Outcome, Describe(outcome));
        Assert.Equal(fault == Fault.ConnectionRefused ? 1 : 0, h.Connections.Refused);
        if (expected.Outcome == "ok" && fault is Fault.Status503RetryAfter or Fault.Status429RetryAfter)
            Assert.True(elapsed >= TimeSpan.FromSeconds(0.9), $"Wix's Retry-After: 1 is waited out before the retry, not the {h.Options.RetryBaseDelay.TotalMilliseconds} ms backoff (took {elapsed.TotalMilliseconds:0} ms)");
        var tokensAfter = await h.Client.GetTokensAsync();
        switch (call)
        {
            case RemoteCall.LogoutSession:
                Assert.True(tokensAfter is null); // logging out always clears the tokens, whatever Wix answered
                break;
            case RemoteCall.Refresh when fault == Fault.Status400:
                Assert.True(tokensAfter is null); // a refused refresh ends the member's session, visibly
                break;
            case RemoteCall.Refresh or RemoteCall.CodeExchange when expected.Outcome == "ok":
                Assert.NotEqual(tokensBefore, tokensAfter); // recovered: the renewed or the member's tokens are stored
                break;
            case RemoteCall.Refresh or RemoteCall.CodeExchange or RemoteCall.LoginSession:
                Assert.Equal(tokensBefore, tokensAfter); // nothing lost, nothing half-written
                break;
            case RemoteCall.VisitorTokens:
                Assert.Equal(expected.Outcome == "ok", tokensAfter is not null);
                break;
        }
    }

    private static string PathOf(EmulatorEndpoint endpoint) => endpoint == EmulatorEndpoint.Token ? WireNames.TokenPath : WireNames.RedirectSessionPath;

    // Attempts as the emulator counts them: a refused one never reaches it.
    private static (int Attempts, string Outcome) Expected(RemoteCall call, Fault fault, int maxRetries)
    {
        // Every call but the code exchange is safe to repeat; the code is sent again only when it never reached Wix.
        var safe = call != RemoteCall.CodeExchange;
        var repeated = maxRetries > 0 && (safe || fault == Fault.ConnectionRefused);
        var wixError = fault switch
        {
            Fault.LatencyPastTimeout => WixError.Timeout,
            Fault.DroppedConnection or Fault.ConnectionRefused => WixError.NetworkError,
            Fault.NonJsonBody => WixError.InvalidResponse,
            // The emulator answers an injected status in each endpoint's own error shape.
            _ => call is RemoteCall.LoginSession or RemoteCall.LogoutSession ? "INJECTED_FAULT" : "temporarily_unavailable",
        };
        var recovers = repeated && fault is Fault.Status503RetryAfter or Fault.Status429RetryAfter or Fault.DroppedConnection or Fault.ConnectionRefused;
        var attempts = fault switch
        {
            Fault.ConnectionRefused => recovers ? 1 : 0,
            Fault.LatencyPastTimeout or Fault.Status500 => repeated ? maxRetries + 1 : 1,
            Fault.Status503RetryAfter or Fault.Status429RetryAfter or Fault.DroppedConnection => repeated ? 2 : 1,
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

    private static string Describe(AuthResult<string, AuthError> outcome) => outcome.Match(
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
    private static async Task<(EmulatorEndpoint, Func<Task<AuthResult<string, AuthError>>>)> PrepareAsync(Harness h, RemoteCall call)
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

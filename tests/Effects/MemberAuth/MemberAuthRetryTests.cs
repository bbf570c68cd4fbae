using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Tests.Faults;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;

namespace Wix.Auth.Effects.Tests.MemberAuth;

/// <summary>
/// The member requests follow their own repeat policy over real HTTP: a password login (sent again only when it never
/// reached Wix) is not repeated after a 503, a timeout or a dropped connection, only after a refused one; token info
/// (safe to repeat) is repeated after each of them. Each fault hits once, so an attempt that is made succeeds.
/// </summary>
public sealed class MemberAuthRetryTests : IAsyncLifetime
{
    private readonly RefusingHandler connections = new();
    private WixEmulator emu = null!;
    private MemberAuthHttpApi api = null!;
    private Secret visitor;

    public async Task InitializeAsync()
    {
        emu = await WixEmulator.StartAsync(new EmulatorOptions { Members = [DemoData.Ada] });
        var options = new WixAuthOptions
        {
            ClientId = DemoData.ClientId, ApiBaseUrl = emu.BaseUrl, MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromMilliseconds(500),
        };
        api = new MemberAuthHttpApi(new HttpClient(connections), options, NullLogger<MemberAuthHttpApi>.Instance);
        visitor = (await new WixHttpApi(new HttpClient(), options, NullLogger<WixHttpApi>.Instance)
            .RequestTokensAsync(new WixRequest.AnonymousGrant(DemoData.ClientId), default)).Match(t => t.AccessToken, e => throw new Xunit.Sdk.XunitException(e.Code));
    }

    public async Task DisposeAsync() => await emu.DisposeAsync();

    public static TheoryData<EmulatorEndpoint, Fault, int, bool> Cases => new()
    {
        // endpoint, fault, attempts that reach Wix, succeeded
        { EmulatorEndpoint.Login, Fault.Status503RetryAfter, 1, false },
        { EmulatorEndpoint.Login, Fault.LatencyPastTimeout, 1, false },
        { EmulatorEndpoint.Login, Fault.DroppedConnection, 1, false },
        { EmulatorEndpoint.Login, Fault.ConnectionRefused, 1, true },
        { EmulatorEndpoint.TokenInfo, Fault.Status503RetryAfter, 2, true },
        { EmulatorEndpoint.TokenInfo, Fault.LatencyPastTimeout, 2, true },
        { EmulatorEndpoint.TokenInfo, Fault.DroppedConnection, 2, true },
        { EmulatorEndpoint.TokenInfo, Fault.ConnectionRefused, 1, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_request_is_repeated_as_its_policy_allows(EmulatorEndpoint endpoint, Fault fault, int attempts, bool succeeded)
    {
        MemberAuthRequest request = endpoint == EmulatorEndpoint.Login
            ? new MemberAuthRequest.Login(visitor, DemoData.Ada.Email, new Secret(DemoData.Ada.Password), None)
            : new MemberAuthRequest.TokenInfo(visitor);
        switch (fault)
        {
            case Fault.ConnectionRefused: connections.RefuseNext(request.Path, 1); break;
            case Fault.Status503RetryAfter: emu.Faults.Add(FaultSpec.Status(endpoint, 503, retryAfterSeconds: 1) with { Count = 1 }); break;
            case Fault.LatencyPastTimeout: emu.Faults.Add(FaultSpec.Latency(endpoint, TimeSpan.FromMilliseconds(1500)) with { Count = 1 }); break;
            default: emu.Faults.Add(FaultSpec.Drop(endpoint) with { Count = 1 }); break;
        }

        var ok = request is MemberAuthRequest.TokenInfo info
            ? (await api.GetTokenInfoAsync(info, default)).IsSuccess
            : (await api.SendForStateAsync(request, default)).IsSuccess;

        Assert.Equal((attempts, succeeded), (await Harness.SettledCountAsync(emu, endpoint, attempts), ok));
        Assert.Equal(fault == Fault.ConnectionRefused ? 1 : 0, connections.Refused);
    }
}

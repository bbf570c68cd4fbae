using Wix.Auth.Emulator;
using Wix.Auth.Samples.BlazorWasm.Host;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Blazor;

/// <summary>
/// One Chromium and one host of the Blazor demo for the class: the app is the one this test project's build produced
/// (built once per run), served with the emulator beside it. Tokens live 8 s and are renewed 4 s before expiry, so a
/// refresh is due 4 s after each login or refresh.
/// </summary>
public sealed class BlazorAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(8);
    public const double RefreshMarginSeconds = 4;

    internal Chromium Chromium { get; private set; } = null!;

    public BlazorWasmHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await StartHostAsync();
        Chromium = await Chromium.LaunchAsync();
    }

    /// <summary>A member whose address is not verified yet: the site's own form asks for a mailed code.</summary>
    public static readonly DemoMember Una = new("una@example.com", "Unverified-1", "a11ce000-0000-4000-8000-0000000000a1", "Una", "V", "una", EmailVerified: false);

    public static Task<BlazorWasmHost> StartHostAsync(
        Core.Protocol.ResponseMode? mode = null, double? directLoginTimeoutSeconds = null, string? tokenStorage = null) =>
        BlazorWasmHost.StartAsync(new BlazorWasmHostOptions
        {
            Url = "http://127.0.0.1:0",
            ResponseMode = mode,
            TokenStorage = tokenStorage,
            RefreshMarginSeconds = RefreshMarginSeconds,
            DirectLoginTimeoutSeconds = directLoginTimeoutSeconds,
            // BLAZOR_CLIENT_APP=<published wwwroot> runs these tests against the trimmed app as it ships (BENCHMARKS.md).
            ClientApp = Environment.GetEnvironmentVariable("BLAZOR_CLIENT_APP"),
            Emulator = new EmulatorOptions { Apps = [BlazorWasmHost.DemoApp], AccessTokenLifetime = TokenLifetime, Members = [.. DemoData.Members, Una] },
        });

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Host.DisposeAsync();
    }
}

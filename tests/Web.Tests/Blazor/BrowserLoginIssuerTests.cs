using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Wix.Auth.Blazor;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Testing;
using Wix.Auth.Samples.BlazorWasm.Host;

namespace Wix.Auth.Web.Tests.Blazor;

/// <summary>
/// <see cref="WixBrowserLogin.CompleteLoginAsync"/> hands the core the callback's <c>iss</c> (RFC 9207) when the app sets
/// <c>ExpectedIssuer</c>, and sends the window where the core says. Run without a browser: the tab's Web Storage and its
/// address are in memory, Wix is the emulator over loopback.
/// </summary>
public sealed class BrowserLoginIssuerTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.wix.example";
    private const string AppBase = "http://127.0.0.1:5001/";
    private WixEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await WixEmulator.StartAsync(new EmulatorOptions { Apps = [BlazorWasmHost.DemoApp] });

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task A_callback_carrying_the_expected_issuer_completes_the_login_and_the_window_goes_where_the_core_says()
    {
        using var tab = Tab();
        var callback = await SignInAsync(tab, "/counter?page=2");

        tab.Navigation.Show(callback + "&iss=" + Uri.EscapeDataString(Issuer));
        var completed = await tab.Login.CompleteLoginAsync();

        Assert.True(completed.IsSuccess, completed.ToString());
        Assert.Equal("/counter?page=2", completed.Value);
        Assert.Equal(AppBase + "counter?page=2", tab.Navigation.Uri);
    }

    [Fact]
    public async Task A_callback_without_the_expected_issuer_is_refused()
    {
        using var tab = Tab();
        var callback = await SignInAsync(tab, "/counter");

        tab.Navigation.Show(callback);
        var refused = await tab.Login.CompleteLoginAsync();

        Assert.Equal("issuer_mismatch", refused.Error?.Code);
    }

    private BrowserTab Tab()
    {
        var services = new ServiceCollection().AddLogging();
        var navigation = new InMemoryNavigation();
        services.AddSingleton<NavigationManager>(navigation);
        services.AddSingleton<IJSRuntime>(new InMemoryWebStorage());
        services.AddWixAuth(o => (o.ClientId, o.ApiBaseUrl, o.ExpectedIssuer) = (DemoData.ClientId, emulator.BaseUrl, Issuer)).AddBlazor();
        var provider = services.BuildServiceProvider();
        return new BrowserTab(provider, navigation, provider.CreateScope());
    }

    // The login begins in the tab, the member signs in on the emulator's page, and Wix sends the window to this callback.
    private static async Task<string> SignInAsync(BrowserTab tab, string returnUrl)
    {
        var authUrl = await tab.Login.LoginAsync(returnUrl);
        Assert.True(authUrl.IsSuccess, authUrl.ToString());
        using var member = new EmulatorBrowser();
        return (await member.SignInAsync(authUrl.Value, DemoData.Ada.Email, DemoData.Ada.Password)).AbsoluteUri;
    }

    private sealed record BrowserTab(ServiceProvider Provider, InMemoryNavigation Navigation, IServiceScope Scope) : IDisposable
    {
        public WixBrowserLogin Login => Scope.ServiceProvider.GetRequiredService<WixBrowserLogin>();

        public void Dispose()
        {
            Scope.Dispose();
            Provider.Dispose();
        }
    }

    /// <summary>The tab's address: every navigation moves it, as the browser would.</summary>
    private sealed class InMemoryNavigation : NavigationManager
    {
        public InMemoryNavigation() => Initialize(AppBase, AppBase);

        /// <summary>The window arrives at <paramref name="url"/> (Wix's redirect).</summary>
        public void Show(string url) => Uri = url;

        // A page of the app becomes the address; any other (Wix's login page) takes the window out of the app.
        protected override void NavigateToCore(string uri, NavigationOptions options)
        {
            var absolute = ToAbsoluteUri(uri).AbsoluteUri;
            if (absolute.StartsWith(BaseUri, StringComparison.Ordinal)) Uri = absolute;
        }
    }

    /// <summary>The tab's <c>sessionStorage</c> and <c>localStorage</c>, answered in process as WebAssembly does.</summary>
    private sealed class InMemoryWebStorage : IJSInProcessRuntime
    {
        private readonly Dictionary<string, Dictionary<string, string>> areas = new() { ["sessionStorage"] = [], ["localStorage"] = [] };

        public TValue Invoke<TValue>(string identifier, params object?[]? args)
        {
            var (area, key) = (areas[identifier[..identifier.IndexOf('.', StringComparison.Ordinal)]], (string)args![0]!);
            switch (identifier[(identifier.IndexOf('.', StringComparison.Ordinal) + 1)..])
            {
                case "getItem": return (TValue)(object?)area.GetValueOrDefault(key)!;
                case "setItem": area[key] = (string)args[1]!; return default!;
                case "removeItem": area.Remove(key); return default!;
                default: throw new JSException($"{identifier} is not Web Storage.");
            }
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(Invoke<TValue>(identifier, args));

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
    }
}

using Microsoft.Extensions.Configuration;
using Wix.Auth.Blazor;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Samples.BlazorWasm.Client;

/// <summary>The demo's settings, read from <c>appsettings.json</c> by hand (no reflection binding: the app is trimmed).</summary>
internal sealed record DemoSettings(string ClientId, Uri ApiBaseUrl, ResponseMode ResponseMode, BrowserStorage TokenStorage, TimeSpan? RefreshMargin, TimeSpan? DirectLoginTimeout)
{
    public static DemoSettings From(IConfiguration config) => new(
        config["Wix:ClientId"] ?? "",
        new Uri(config["Wix:ApiBaseUrl"] ?? WireNames.DefaultBaseUrl),
        Enum.TryParse<ResponseMode>(config["Wix:ResponseMode"], ignoreCase: true, out var mode) ? mode : ResponseMode.Fragment,
        Enum.TryParse<BrowserStorage>(config["Wix:TokenStorage"], ignoreCase: true, out var storage) ? storage : BrowserStorage.Session,
        Seconds(config["Wix:RefreshMarginSeconds"]),
        Seconds(config["Wix:DirectLoginTimeoutSeconds"]));

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
}

using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Wix.Auth.Blazor;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Samples.BlazorWasm.Client;

// Everything below runs in the browser. The host serves appsettings.json: the Wix client ID and API base URL (the
// emulator's on the demo), and how to log in.
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

var settings = DemoSettings.From(builder.Configuration);
builder.Services.AddWixAuth(o =>
{
    o.ClientId = settings.ClientId;
    o.ApiBaseUrl = settings.ApiBaseUrl;
    if (settings.RefreshMargin is { } margin) o.RefreshMargin = margin;
}).AddBlazor(b =>
{
    b.ResponseMode = settings.ResponseMode;
    b.TokenStorage = settings.TokenStorage;
    if (settings.DirectLoginTimeout is { } timeout) b.DirectLoginTimeout = timeout;
});
// The app's own calls to Wix APIs carry the member's token, refreshed first when it is about to expire.
builder.Services.AddHttpClient<MembersApi>(http => http.BaseAddress = settings.ApiBaseUrl).AddWixMemberTokens();

await builder.Build().RunAsync();

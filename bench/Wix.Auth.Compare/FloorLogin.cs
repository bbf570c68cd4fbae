using System.Net;
using System.Security.Cryptography;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Emulator;

namespace Wix.Auth.Compare;

/// <summary>
/// The floor of a client's login (issue 24): the same four requests as <see cref="EmulatorLogin"/>, byte for byte the
/// bodies and headers the library sends, with a random verifier and state and their SHA-256, but no client, no
/// checks, no store, no retries, no logging. No client can log a member in for less; what a login costs beyond it is
/// what the library (or the SDK) adds.
/// </summary>
internal sealed class FloorLogin : IDisposable
{
    private readonly HttpClient http;
    private readonly HttpClient browser;

    public FloorLogin(Uri baseUrl, int maxConnections)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { BaseAddress = baseUrl };
        browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = maxConnections });
    }

    /// <summary>Visitor tokens → login Redirect Session → the member's form POST → code exchange; the member's access token.</summary>
    public async Task<string> LogInAsync()
    {
        var verifier = Random(Pkce.VerifierEntropyBytes);
        var state = Random(Pkce.StateEntropyBytes);
        using var visitor = await BareWixPost.PostAsync(http, "/oauth2/token", null, BareWixPost.TokenGateway, w =>
        {
            w.WriteString("clientId", DemoData.ClientId);
            w.WriteString("grantType", "anonymous");
        });
        using var session = await BareWixPost.PostAsync(http, "/_api/redirects-api/v1/redirect-session", BareWixPost.Text(visitor, "access_token"), BareWixPost.SessionGateway, w =>
            BareWixPost.WriteLoginSession(w, DemoData.ClientId, Inputs.RedirectUri, verifier, state, "fragment"));
        var authUrl = session.RootElement.GetProperty("redirectSession").GetProperty("fullUrl").GetString()!;
        using var form = new FormUrlEncodedContent([new("email", DemoData.Ada.Email), new("password", DemoData.Ada.Password), new("action", "login")]);
        using var page = await browser.PostAsync(authUrl, form);
        if (page.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther) || page.Headers.Location is not { } callback)
            throw new InvalidOperationException($"The login form answered {(int)page.StatusCode}, not a redirect.");
        var code = Parameter(callback.OriginalString, "code");
        if (Parameter(callback.OriginalString, "state") != state) throw new InvalidOperationException("The state came back changed.");
        using var tokens = await BareWixPost.PostAsync(http, "/oauth2/token", null, BareWixPost.TokenGateway, w =>
        {
            w.WriteString("clientId", DemoData.ClientId);
            w.WriteString("grantType", "authorization_code");
            w.WriteString("redirectUri", Inputs.RedirectUri);
            w.WriteString("code", code);
            w.WriteString("codeVerifier", verifier);
        });
        return BareWixPost.Text(tokens, "access_token")!;
    }

    public void Dispose()
    {
        browser.Dispose();
        http.Dispose();
    }

    private static string Random(int bytes) => Base64Url.Encode(RandomNumberGenerator.GetBytes(bytes));

    // The fragment's name=value pairs, unescaped; the emulator's are the only ones this reads.
    private static string Parameter(string url, string name)
    {
        foreach (var pair in url[(url.IndexOf('#') + 1)..].Split('&'))
            if (pair.StartsWith(name + "=", StringComparison.Ordinal)) return Uri.UnescapeDataString(pair[(name.Length + 1)..]);
        throw new InvalidOperationException($"The callback has no {name}.");
    }
}

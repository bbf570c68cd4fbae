using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Pages;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// The <c>web_message</c> answer: a page that posts the flat object <c>{code, state}</c> (or
/// <c>{error, error_description, state}</c>) to <c>window.parent</c>, once per allowed origin; the browser
/// delivers it only where the parent's origin matches. The script runs under a nonce-only CSP.
/// </summary>
internal static class WebMessagePage
{
    public static IResult Render(IReadOnlyList<string> targetOrigins, IReadOnlyList<(string Name, string Value)> outcome)
    {
        var message = new JsonObject();
        foreach (var (name, value) in outcome) message[name] = value;
        // The default encoder escapes <, >, & and quotes, so the JSON cannot end the script element.
        var data = JsonSerializer.Serialize(message, EmulatorJson.Info<JsonObject>());
        var origins = JsonSerializer.Serialize(targetOrigins, EmulatorJson.Info<IReadOnlyList<string>>());
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var body = $$"""
            <p id="outcome">{{Html.Encode(outcome[0].Name == "code" ? "Logged in." : "Not logged in: " + outcome[0].Value)}}</p>
            <script nonce="{{nonce}}">
            (function () {
              var data = {{data}};
              var origins = {{origins}};
              if (window.parent === window) return;
              for (var i = 0; i < origins.length; i++) {
                try { window.parent.postMessage(data, origins[i]); } catch (e) { }
              }
            })();
            </script>
            """;
        return new NonceResult(Html.Page("Logging in", body), nonce);
    }

    private sealed class NonceResult(IResult inner, string nonce) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy =
                $"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'";
            return inner.ExecuteAsync(httpContext);
        }
    }
}

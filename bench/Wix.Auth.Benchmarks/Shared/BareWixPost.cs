using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Wix.Auth.Core.OAuth;

namespace Wix.Auth.Benchmarks.Shared;

/// <summary>
/// The floors' one call to Wix (issue 24): a JSON <c>POST</c> with the bytes and headers the library sends, written with
/// <see cref="Utf8JsonWriter"/>, answered as a <see cref="JsonDocument"/>; no retries, checks or logging. The gateway
/// headers are the library's, written out here on purpose: a floor uses none of the library's code.
/// </summary>
internal static class BareWixPost
{
    public const string TokenGateway = "environment=dotnet-sdk,package-name=Wix.Auth,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token";
    public const string SessionGateway = "environment=dotnet-sdk,package-name=Wix.Auth,method-fqn=wix.headless.v1.RedirectSessionService.CreateRedirectSession,entity=wix.headless.v1.redirect_session";
    public const string InfoGateway = "environment=dotnet-sdk,package-name=Wix.Auth,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.TokenInfo,entity=wix.identity.oauth.v1.token_info";

    public static async Task<JsonDocument> PostAsync(HttpClient http, string path, string? authorization, string gateway, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ReadOnlyMemoryContent(buffer.WrittenMemory) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("x-wix-bi-gateway", gateway);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(stream);
    }

    /// <summary>
    /// The login Redirect Session's body as the library writes it (<c>auth.authRequest</c> with an S256 challenge of
    /// <paramref name="verifier"/>, then <c>prompt=login</c>).
    /// </summary>
    public static void WriteLoginSession(Utf8JsonWriter w, string clientId, string redirectUri, string verifier, string state, string responseMode)
    {
        w.WriteStartObject("auth");
        w.WriteStartObject("authRequest");
        w.WriteString("redirectUri", redirectUri);
        w.WriteString("clientId", clientId);
        w.WriteString("codeChallenge", Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        w.WriteString("codeChallengeMethod", "S256");
        w.WriteString("responseMode", responseMode);
        w.WriteString("responseType", "code");
        w.WriteString("scope", "offline_access");
        w.WriteString("state", state);
        w.WriteEndObject();
        w.WriteString("prompt", "login");
        w.WriteEndObject();
    }

    /// <summary>A string member of the answer, or null.</summary>
    public static string? Text(JsonDocument json, string name) =>
        json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
}

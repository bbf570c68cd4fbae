using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

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

    /// <summary>A string member of the answer, or null.</summary>
    public static string? Text(JsonDocument json, string name) =>
        json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
}

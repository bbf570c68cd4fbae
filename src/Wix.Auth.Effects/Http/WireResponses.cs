using System.Buffers;
using System.Text.Json;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Http;

/// <summary>Reads Wix's answers: the success bodies, and both error shapes (RFC 6749 §5.2 and Wix's own).</summary>
internal static class WireResponses
{
    /// <summary>Bodies larger than this are not Wix's; reading stops there.</summary>
    public const int MaxBodyBytes = 1 << 20;

    public static Either<WixError, TokenResponse> ReadTokens(int status, string? requestId, byte[] body)
    {
        if (status != 200) return ReadError(status, requestId, body);
        var dto = TryRead(body, WireJsonContext.Default.TokenResponseDto);
        return dto is { AccessToken: { Length: > 0 } access, ExpiresIn: > 0 and var expiresIn }
            ? new TokenResponse(access.AsSecret(), Optional(dto.RefreshToken).Filter(r => r.Length > 0).Map(r => r.AsSecret()), expiresIn)
            : Invalid(status, requestId);
    }

    public static Either<WixError, string> ReadRedirectSession(int status, string? requestId, byte[] body)
    {
        if (status != 200) return ReadError(status, requestId, body);
        var dto = TryRead(body, WireJsonContext.Default.RedirectSessionResponseDto);
        // An http(s) URL the browser can go to: on Unix, Uri alone would take "/path" for an absolute file URI.
        return dto?.RedirectSession?.FullUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? url
            : Invalid(status, requestId);
    }

    /// <summary>
    /// The body, at most <see cref="MaxBodyBytes"/>: with a <c>Content-Length</c> (as Wix sends), read straight into an
    /// array of that size; without one, through a pooled buffer, so a response costs one array of its own size.
    /// </summary>
    public static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (content.Headers.ContentLength is { } length and <= MaxBodyBytes)
        {
            if (length == 0) return [];
            var body = new byte[length];
            var read = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return read == body.Length ? body : body[..read];
        }
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var total = 0;
        try
        {
            while (total < MaxBodyBytes)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, MaxBodyBytes) - total), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                total += read;
            }
            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The SDK's analytics header, naming this library instead of the SDK.</summary>
    public static string GatewayHeader(WixRequest request) => request.Path == WireNames.TokenPath
        ? "environment=dotnet-sdk,package-name=Wix.Auth,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token"
        : "environment=dotnet-sdk,package-name=Wix.Auth,method-fqn=wix.headless.v1.RedirectSessionService.CreateRedirectSession,entity=wix.headless.v1.redirect_session";

    private static WixError ReadError(int status, string? requestId, byte[] body)
    {
        var oauth = TryRead(body, WireJsonContext.Default.OAuthErrorDto);
        if (oauth?.Error is { Length: > 0 } code)
            return new WixError(code, Optional(oauth.ErrorDescription), status, Optional(requestId));
        var wix = TryRead(body, WireJsonContext.Default.WixErrorDto);
        if (wix?.Details?.ApplicationError?.Code is { Length: > 0 } appCode)
            return new WixError(appCode, Optional(wix.Details.ApplicationError.Description ?? wix.Message), status, Optional(requestId));
        if (wix?.Details?.ValidationError?.FieldViolations is { Count: > 0 } violations)
            return new WixError("validation_error", string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), status, Optional(requestId));
        return new WixError(wix?.Message is { Length: > 0 } ? "http_error" : $"http_{status}", Optional(wix?.Message), status, Optional(requestId));
    }

    private static WixError Invalid(int status, string? requestId) =>
        new(WixError.InvalidResponse, "Wix's answer was not the JSON the protocol documents.", status, Optional(requestId));

    private static T? TryRead<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json.Serialization;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>The token endpoint's error body, RFC 6749 §5.2.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description)
{
    public static IResult InvalidRequest(string description, int status = StatusCodes.Status400BadRequest) =>
        Result(status, "invalid_request", description);

    public static IResult InvalidGrant(string description) =>
        Result(StatusCodes.Status400BadRequest, "invalid_grant", description);

    public static IResult InvalidClient(string description) =>
        Result(StatusCodes.Status401Unauthorized, "invalid_client", description);

    public static IResult UnsupportedGrantType(string description) =>
        Result(StatusCodes.Status400BadRequest, "unsupported_grant_type", description);

    public static IResult Result(int status, string error, string description) =>
        EmulatorJson.Result(new OAuthError(error, description), status);

    /// <summary>The answer to a body that cannot be read at all, whatever endpoint it was sent to.</summary>
    public static IResult ForUnreadable(RequestBody body) => body.Kind switch
    {
        BodyKind.TooLarge => InvalidRequest(body.Problem!, StatusCodes.Status413PayloadTooLarge),
        BodyKind.UnsupportedMediaType => InvalidRequest(body.Problem!, StatusCodes.Status415UnsupportedMediaType),
        BodyKind.Empty => InvalidRequest("The request has no body.", StatusCodes.Status415UnsupportedMediaType),
        _ => InvalidRequest(body.Problem ?? "The body cannot be read."),
    };
}

using System.Text.Json.Serialization;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>Wix's error body: <c>{"message", "details": {"applicationError" | "validationError"}}</c>.</summary>
internal sealed record WixError(string Message, WixErrorDetails Details)
{
    public static IResult Application(int status, string code, string description) =>
        EmulatorJson.Result(
            new WixError(description, new WixErrorDetails(new ApplicationError(code, description), null)), status);

    public static IResult Validation(string field, string description) =>
        EmulatorJson.Result(
            new WixError(description,
                new WixErrorDetails(null, new ValidationError([new FieldViolation(field, description)]))),
            StatusCodes.Status400BadRequest);

    public static IResult Unauthenticated(string description) =>
        Application(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", description);

    /// <summary>The answer to a body that cannot be read at all.</summary>
    public static IResult ForUnreadable(RequestBody body) => body.Kind switch
    {
        BodyKind.TooLarge => Application(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", body.Problem!),
        BodyKind.UnsupportedMediaType or BodyKind.Form => Application(
            StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
            $"Content-Type must be {RequestBody.JsonMediaType}."),
        BodyKind.Empty => Application(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", "The request has no body."),
        _ => Application(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", body.Problem ?? "The body cannot be read."),
    };
}

/// <summary>Which kind of error it is; exactly one is set, and only that one is sent, as Wix sends it.</summary>
internal sealed record WixErrorDetails(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApplicationError? ApplicationError,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ValidationError? ValidationError);

/// <summary>A business-rule error.</summary>
internal sealed record ApplicationError(string Code, string Description);

/// <summary>Input errors, one per field.</summary>
internal sealed record ValidationError(IReadOnlyList<FieldViolation> FieldViolations);

/// <summary>What is wrong with one field.</summary>
internal sealed record FieldViolation(string Field, string Description);

using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// The identity services' error bodies, shaped as the SDK parses them:
/// <c>{"message","details":{"applicationError":{"code","description","data":{}}}}</c> or
/// <c>{"message","details":{"validationError":{"fieldViolations":[{"field","description","violatedRule","data"}]}}}</c>.
/// The numeric codes are the SDK's constants; the HTTP statuses are the emulator's choice (Wix's are not known).
/// </summary>
internal static class IamError
{
    public const string InvalidPassword = "-19976";
    public const string ResetPassword = "-19973";
    public const string MissingCaptcha = "-19971";
    public const string InvalidCaptcha = "-19970";
    public const string EmailExists = "-19995";
    public const string MemberNotFound = "-19999";

    public static IResult Application(int status, string code, string description) => Answer(status, new JsonObject
    {
        ["message"] = description,
        ["details"] = new JsonObject
        {
            ["applicationError"] = new JsonObject { ["code"] = code, ["description"] = description, ["data"] = new JsonObject() },
        },
    });

    /// <summary>A field violation; <paramref name="dataType"/> (e.g. <c>EMAIL</c>) goes in <c>data.type</c>, which the SDK reads.</summary>
    public static IResult Validation(string field, string description, string rule, string? dataType = null)
    {
        var violation = new JsonObject { ["field"] = field, ["description"] = description, ["violatedRule"] = rule };
        if (dataType is not null) violation["data"] = new JsonObject { ["type"] = dataType };
        return Answer(StatusCodes.Status400BadRequest, new JsonObject
        {
            ["message"] = $"INVALID_ARGUMENT: \"{field}\" {description}",
            ["details"] = new JsonObject
            {
                ["validationError"] = new JsonObject { ["fieldViolations"] = new JsonArray(violation) },
            },
        });
    }

    public static IResult Unauthenticated(string description) =>
        Application(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", description);

    public static IResult PermissionDenied(string description) =>
        Application(StatusCodes.Status403Forbidden, "PERMISSION_DENIED", description);

    /// <summary>A store is full: the emulator refuses rather than grow without bound.</summary>
    public static IResult Exhausted(string description) =>
        Application(StatusCodes.Status429TooManyRequests, "RESOURCE_EXHAUSTED", description);

    public static IResult Answer(int status, JsonObject body) =>
        EmulatorJson.Result(body, status);
}

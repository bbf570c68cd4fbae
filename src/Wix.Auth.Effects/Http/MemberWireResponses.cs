using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Http;

/// <summary>
/// Reads the identity endpoints' answers: the login-state answer of login, register, verify and recover, Sign On's
/// answer, and Wix's error envelope with the application code or the field violation the SDK looks at.
/// Bodies are at most <see cref="WireResponses.MaxBodyBytes"/> (the caller reads them bounded).
/// </summary>
internal static class MemberWireResponses
{
    /// <summary>The state and its token; a 200 without a state, or a state without the token it needs, is invalid.</summary>
    public static Either<IdentityFailure, LoginStateReply> ReadLoginState(int status, string? requestId, byte[] body)
    {
        if (status != 200) return ReadFailure(status, requestId, body);
        var dto = TryRead(body, MemberWireJsonContext.Default.LoginStateDto);
        if (dto?.State is not { Length: > 0 } state) return Invalid(status, requestId);
        var reply = new LoginStateReply(state, SecretOf(dto.SessionToken), SecretOf(dto.StateToken), Identity(dto.Identity));
        return state switch
        {
            "SUCCESS" when reply.SessionToken.IsNone => Invalid(status, requestId),
            "REQUIRE_EMAIL_VERIFICATION" when reply.StateToken.IsNone => Invalid(status, requestId),
            _ => reply,
        };
    }

    /// <summary>Sign On's session token and the member it is for; both are needed for the grant that follows.</summary>
    public static Either<IdentityFailure, SignOnReply> ReadSignOn(int status, string? requestId, byte[] body)
    {
        if (status != 200) return ReadFailure(status, requestId, body);
        var dto = TryRead(body, MemberWireJsonContext.Default.SignOnResponseDto);
        var reply = from token in SecretOf(dto?.SessionToken)
                    from identity in Identity(dto?.Identity)
                    select new SignOnReply(token, identity);
        return reply.ToEither(() => Invalid(status, requestId));
    }

    /// <summary>Token info: whose the token is; an answer without <c>active</c> is not Wix's.</summary>
    public static Either<IdentityFailure, TokenInfoReply> ReadTokenInfo(int status, string? requestId, byte[] body)
    {
        if (status != 200) return ReadFailure(status, requestId, body);
        var dto = TryRead(body, MemberWireJsonContext.Default.TokenInfoResponseDto);
        return dto?.Active is bool active
            ? new TokenInfoReply(active, Optional(dto.SubjectType), Optional(dto.SubjectId))
            : Invalid(status, requestId);
    }

    /// <summary>An answer with nothing to read (send-email): any 200 is success.</summary>
    public static Either<IdentityFailure, Unit> ReadEmpty(int status, string? requestId, byte[] body) =>
        status == 200 ? unit : ReadFailure(status, requestId, body);

    /// <summary>Wix's envelope: the application code (string or number), else the first field violation, else the status.</summary>
    public static IdentityFailure ReadFailure(int status, string? requestId, byte[] body)
    {
        var dto = TryRead(body, MemberWireJsonContext.Default.IamErrorDto);
        var application = dto?.Details?.ApplicationError;
        if (application?.Code is { } code && CodeText(code) is { Length: > 0 } text)
            return IdentityFailure.Of(new WixError(text, Optional(application.Description ?? dto!.Message), status, Optional(requestId)));
        if (dto?.Details?.ValidationError?.FieldViolations is [var first, ..])
            return new IdentityFailure(
                new WixError(IdentityFailure.ValidationError, Optional(first.Description ?? dto.Message), status, Optional(requestId)),
                Optional(first.Field), Optional(first.ViolatedRule), Optional(first.Data?.Type));
        return IdentityFailure.Of(new WixError($"http_{status}", Optional(dto?.Message), status, Optional(requestId)));
    }

    private static string? CodeText(JsonElement code) => code.ValueKind switch
    {
        JsonValueKind.String => code.GetString(),
        JsonValueKind.Number => code.GetRawText(),
        _ => null,
    };

    private static Option<MemberIdentity> Identity(IdentityDto? dto) =>
        dto?.Id is { Length: > 0 } id
            ? Some(new MemberIdentity(id, dto.ContactId, dto.Email?.Address, dto.Email?.IsVerified))
            : None;

    private static Option<Secret> SecretOf(string? value) =>
        value is { Length: > 0 } ? Some(new Secret(value)) : None;

    private static IdentityFailure Invalid(int status, string? requestId) => IdentityFailure.Of(
        new WixError(WixError.InvalidResponse, "Wix's answer was not the JSON the protocol documents.", status, Optional(requestId)));

    private static T? TryRead<T>(byte[] body, JsonTypeInfo<T> type) where T : class
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
